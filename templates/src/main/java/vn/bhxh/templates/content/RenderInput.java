package vn.bhxh.templates.content;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One language variant of a communication product, as the templates see it. The cms maps its own
 * product and variant documents to this value, so this module never needs to know them.
 *
 * @param productId     the product's id (stable across languages)
 * @param productType   the cms product type name, e.g. LEAFLET, RADIO_FILE (free text here on purpose)
 * @param languageTag   BCP 47 tag of this variant: vi, km, tyz, blt-Tavt, cjm-Cham …
 * @param title         the variant's title
 * @param summary       a short plain-text summary (may be empty)
 * @param bodyHtml      the body as HTML already sanitized by the cms (sanitized again before HTML output)
 * @param message       slogan or short message text, used by SMS, push and posters (may be empty)
 * @param publicUrl     the product's public page; every link made from it gets campaign tracking
 * @param campaignCode  campaign (đợt cao điểm) code used as utm_campaign, e.g. "thang-bhxh-2025"
 * @param author        the author or unit shown where a channel asks for one
 * @param imageUrl      image rendition URL (cover, social image), may be empty
 * @param audioUrl      audio rendition URL (loudspeaker file), may be empty
 * @param audioDuration length of the audio, may be null
 * @param videoUrl      video rendition URL, may be empty
 * @param videoDuration length of the video, may be null
 */
public record RenderInput(
        String productId,
        String productType,
        String languageTag,
        String title,
        String summary,
        String bodyHtml,
        String message,
        String publicUrl,
        String campaignCode,
        String author,
        String imageUrl,
        String audioUrl,
        Duration audioDuration,
        String videoUrl,
        Duration videoDuration) {

    public RenderInput {
        requireText(productId, "productId");
        requireText(languageTag, "languageTag");
        requireText(title, "title");
        requireText(publicUrl, "publicUrl");
        languageTag = Locale.forLanguageTag(languageTag.strip()).toLanguageTag();
        if (languageTag.equals("und")) {
            throw new IllegalArgumentException("languageTag is not a BCP 47 language tag");
        }
        productType = orEmpty(productType);
        summary = orEmpty(summary);
        bodyHtml = orEmpty(bodyHtml);
        message = orEmpty(message);
        campaignCode = orEmpty(campaignCode);
        author = orEmpty(author);
        imageUrl = httpUrlOrEmpty(imageUrl, "imageUrl");
        audioUrl = httpUrlOrEmpty(audioUrl, "audioUrl");
        videoUrl = httpUrlOrEmpty(videoUrl, "videoUrl");
        httpUrlOrEmpty(publicUrl, "publicUrl");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .productId(productId).productType(productType).languageTag(languageTag)
                .title(title).summary(summary).bodyHtml(bodyHtml).message(message)
                .publicUrl(publicUrl).campaignCode(campaignCode).author(author)
                .imageUrl(imageUrl).audio(audioUrl, audioDuration).video(videoUrl, videoDuration);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Only http(s): these land in src/href attributes, where a javascript: URL would run. */
    private static String httpUrlOrEmpty(String value, String name) {
        String url = orEmpty(value).strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!url.isEmpty() && !lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new IllegalArgumentException(name + " must be an http(s) URL: " + value);
        }
        return url;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Many optional fields: a builder keeps call sites readable. */
    public static final class Builder {
        private String productId;
        private String productType;
        private String languageTag = "vi";
        private String title;
        private String summary;
        private String bodyHtml;
        private String message;
        private String publicUrl;
        private String campaignCode;
        private String author;
        private String imageUrl;
        private String audioUrl;
        private Duration audioDuration;
        private String videoUrl;
        private Duration videoDuration;

        public Builder productId(String value) { productId = value; return this; }
        public Builder productType(String value) { productType = value; return this; }
        public Builder languageTag(String value) { languageTag = value; return this; }
        public Builder title(String value) { title = value; return this; }
        public Builder summary(String value) { summary = value; return this; }
        public Builder bodyHtml(String value) { bodyHtml = value; return this; }
        public Builder message(String value) { message = value; return this; }
        public Builder publicUrl(String value) { publicUrl = value; return this; }
        public Builder campaignCode(String value) { campaignCode = value; return this; }
        public Builder author(String value) { author = value; return this; }
        public Builder imageUrl(String value) { imageUrl = value; return this; }
        public Builder audio(String url, Duration duration) { audioUrl = url; audioDuration = duration; return this; }
        public Builder video(String url, Duration duration) { videoUrl = url; videoDuration = duration; return this; }

        public RenderInput build() {
            return new RenderInput(productId, productType, languageTag, title, summary, bodyHtml, message,
                    publicUrl, campaignCode, author, imageUrl, audioUrl, audioDuration, videoUrl, videoDuration);
        }
    }
}
