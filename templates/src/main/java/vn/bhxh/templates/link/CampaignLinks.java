package vn.bhxh.templates.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Adds campaign tracking (utm_source, utm_medium, utm_campaign) to a public link, so the portal can tell
 * which channel and campaign brought a visitor. Existing query parameters and the fragment are kept;
 * utm parameters already present are replaced, so a link is never tracked twice.
 */
public final class CampaignLinks {

    static final String NO_CAMPAIGN = "khong-chien-dich";

    public String track(String publicUrl, TrackingParameters channel, String campaignCode) {
        URI uri = parse(publicUrl);
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!name.startsWith("utm_")) {
                    query.put(name, value);
                }
            }
        }
        query.put("utm_source", channel.source());
        query.put("utm_medium", channel.medium());
        query.put("utm_campaign", campaignSlug(campaignCode));
        String rawQuery = query.entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? encode(e.getKey()) : encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
        out.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        out.append('?').append(rawQuery);
        if (uri.getRawFragment() != null) {
            out.append('#').append(uri.getRawFragment());
        }
        return out.toString();
    }

    /** True when the link carries all three tracking parameters. */
    public boolean isTracked(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return hasParameter(query, "utm_source") && hasParameter(query, "utm_medium") && hasParameter(query, "utm_campaign");
    }

    /** "Tháng BHXH 2025" → "thang-bhxh-2025": analytics tools treat campaign values as case-sensitive ASCII. */
    static String campaignSlug(String campaignCode) {
        if (campaignCode == null || campaignCode.isBlank()) {
            return NO_CAMPAIGN;
        }
        String ascii = Normalizer.normalize(campaignCode.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? NO_CAMPAIGN : slug;
    }

    private static boolean hasParameter(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=") && pair.length() > name.length() + 1) {
                return true;
            }
        }
        return false;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("Not an absolute URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid URL: " + url, e);
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
