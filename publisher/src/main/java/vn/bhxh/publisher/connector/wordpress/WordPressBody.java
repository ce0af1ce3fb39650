package vn.bhxh.publisher.connector.wordpress;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bhxh.publisher.job.MediaRef;

/**
 * The post's HTML as WordPress serves it: every file address of the CMS replaced by WordPress's copy (so the post
 * does not depend on the CMS, and a withdrawal leaves no broken images), images scaled to the column, media the
 * rendered article does not show added (images as figures, every other file as a download link), and any image or
 * player left pointing elsewhere dropped.
 */
final class WordPressBody {

    private static final Pattern ADDRESS = Pattern.compile("\\b(src|href)=\"([^\"]*)\"");
    private static final Pattern MEDIA_TAG = Pattern.compile(
            "<(video|audio)\\b[^>]*\\bsrc=\"([^\"]*)\"[^>]*>\\s*</\\1>|<img\\b[^>]*\\bsrc=\"([^\"]*)\"[^>]*>");
    private static final String FITS_COLUMN = "max-width:100%;height:auto";

    private WordPressBody() {
    }

    /**
     * @param html     the rendered article content
     * @param media    the variant's files, in the payload's order
     * @param uploaded their copies in WordPress
     * @param featured the CMS address of the featured image (shown by the theme, not repeated in the body), or null
     * @param site     the WordPress site: addresses under it are its copies
     */
    static String of(String html, List<MediaRef> media, UploadedMedia uploaded, String featured, URI site, String altText) {
        String body = replaceAddresses(html, media, uploaded);
        body = dropForeignMedia(body, site);
        StringBuilder out = new StringBuilder(body.strip());
        StringBuilder downloads = new StringBuilder();
        for (MediaRef ref : media) {
            UploadedMedia.Item copy = uploaded.get(ref.url());
            if (copy == null) {
                continue;
            }
            String src = escape(copy.sourceUrl());
            if (isImage(ref)) {
                if (!ref.url().equals(featured) && !body.contains("\"" + src + "\"")) {
                    out.append("\n<figure class=\"wp-block-image\"><img class=\"wp-image-").append(copy.id()).append("\" src=\"")
                            .append(src).append("\" alt=\"").append(escape(altText)).append("\" style=\"").append(FITS_COLUMN)
                            .append("\"></figure>");
                }
            } else {
                downloads.append("\n<li><a href=\"").append(src).append("\" download>").append(escape(ref.fileName()))
                        .append("</a></li>");
            }
        }
        if (!downloads.isEmpty()) {
            out.append("\n<p class=\"tep-dinh-kem\">Tệp đính kèm:</p>\n<ul class=\"tep-dinh-kem\">").append(downloads)
                    .append("\n</ul>");
        }
        return out.toString();
    }

    static boolean isImage(MediaRef ref) {
        return ref.contentType() != null && ref.contentType().startsWith("image/");
    }

    /** CMS addresses in src and href, matched as written or by path (an editor's body may hold either form). */
    private static String replaceAddresses(String html, List<MediaRef> media, UploadedMedia uploaded) {
        Matcher matcher = ADDRESS.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String address = unescape(matcher.group(2));
            String replacement = null;
            for (MediaRef ref : media) {
                UploadedMedia.Item copy = uploaded.get(ref.url());
                if (copy != null && (address.equals(ref.url()) || !address.isEmpty() && address.equals(path(ref.url())))) {
                    replacement = copy.sourceUrl();
                }
            }
            String value = replacement == null ? matcher.group(2) : escape(replacement);
            String tag = matcher.group(1) + "=\"" + value + "\"";
            if (replacement != null && matcher.group(1).equals("src")) {
                tag += " style=\"" + FITS_COLUMN + "\"";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(tag));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String dropForeignMedia(String html, URI site) {
        String root = site.toString().replaceAll("/+$", "") + "/";
        Matcher matcher = MEDIA_TAG.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String src = unescape(matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
            matcher.appendReplacement(out, src.startsWith(root) ? Matcher.quoteReplacement(matcher.group()) : "");
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String path(String url) {
        try {
            return URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The entities our templates write into attribute values (JMustache escapes {@code & ' " < > ` =}). */
    private static String unescape(String value) {
        return value.replace("&#x3D;", "=").replace("&#61;", "=").replace("&#x60;", "`").replace("&#39;", "'")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
