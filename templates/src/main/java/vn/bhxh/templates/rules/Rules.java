package vn.bhxh.templates.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import vn.bhxh.templates.link.CampaignLinks;

/** Collects the violations of one payload; each check adds at most one violation. */
public final class Rules {

    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[^\\s<>\"']+");

    private final List<RuleViolation> violations = new ArrayList<>();
    private final CampaignLinks links;

    public Rules(CampaignLinks links) {
        this.links = links;
    }

    public Rules maxCharacters(String field, String value, int limit, Severity severity) {
        int length = TextLength.characters(value);
        if (length > limit) {
            violations.add(new RuleViolation("max-length", field, severity, length, limit,
                    "„" + field + "” dài " + length + " ký tự, tối đa " + limit,
                    "\"" + field + "\" is " + length + " characters long, at most " + limit + " allowed"));
        }
        return this;
    }

    public Rules maxUtf8Bytes(String field, String value, int limit, Severity severity) {
        int bytes = TextLength.utf8Bytes(value);
        if (bytes > limit) {
            violations.add(new RuleViolation("max-bytes", field, severity, bytes, limit,
                    "„" + field + "” dài " + bytes + " byte (UTF-8), tối đa " + limit,
                    "\"" + field + "\" is " + bytes + " bytes (UTF-8), at most " + limit + " allowed"));
        }
        return this;
    }

    public Rules required(String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new RuleViolation("required", field, Severity.BLOCKING, -1, -1,
                    "Thiếu „" + field + "”", "\"" + field + "\" is missing"));
        }
        return this;
    }

    public Rules tracked(String field, String url) {
        if (!url.isBlank() && !links.isTracked(url)) {
            violations.add(new RuleViolation("tracking-missing", field, Severity.BLOCKING, -1, -1,
                    "Liên kết „" + field + "” thiếu tham số theo dõi chiến dịch (utm_source, utm_medium, utm_campaign)",
                    "Link \"" + field + "\" lacks campaign tracking (utm_source, utm_medium, utm_campaign)"));
        }
        return this;
    }

    /**
     * Every link in free text that points to our public site must be tracked too; an override could
     * have typed the address by hand.
     */
    public Rules linksInTextTracked(String field, String text, String publicHost) {
        Matcher url = URL_IN_TEXT.matcher(text);
        while (url.find()) {
            String found = url.group().replaceAll("[.,;:!?)]+$", "");
            if (hostOf(found).equalsIgnoreCase(publicHost) && !links.isTracked(found)) {
                tracked(field, found);
                return this;
            }
        }
        return this;
    }

    /** The same for HTML: hrefs are read after entity decoding, as a browser would follow them. */
    public Rules linksInHtmlTracked(String field, String html, String publicHost) {
        Document document = Jsoup.parse(html);
        String hrefs = document.select("a[href]").stream().map(a -> a.attr("href")).collect(Collectors.joining(" "));
        return linksInTextTracked(field, hrefs + " " + document.text(), publicHost);
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** YouTube refuses titles and descriptions containing '<' or '>'. */
    public Rules noAngleBrackets(String field, String value) {
        if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            violations.add(new RuleViolation("forbidden-character", field, Severity.BLOCKING, -1, -1,
                    "„" + field + "” không được chứa ký tự < hoặc >",
                    "\"" + field + "\" may not contain < or >"));
        }
        return this;
    }

    public Rules add(RuleViolation violation) {
        violations.add(violation);
        return this;
    }

    public List<RuleViolation> violations() {
        return List.copyOf(violations);
    }
}
