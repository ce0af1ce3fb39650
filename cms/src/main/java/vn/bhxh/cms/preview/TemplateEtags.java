package vn.bhxh.cms.preview;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.templates.template.TemplateKey;
import vn.bhxh.templates.template.TemplateCatalog;

/**
 * A template override's versions count 1, 2, … (0: the shipped template, no override yet); its ETag is that number, and
 * a write names it in If-Match like every other write (428 without it).
 */
final class TemplateEtags {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d{1,9})\"$");

    private TemplateEtags() {
    }

    static String of(int version) {
        return "\"" + version + "\"";
    }

    static int fromIfMatch(String ifMatch) {
        Matcher matcher = ETAG.matcher(ifMatch == null ? "" : ifMatch.strip());
        if (!matcher.matches()) {
            throw new Versions.PreconditionRequiredException();
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The latest override's version, 0 when there is none. */
    static int latest(TemplateCatalog templates, TemplateKey key) {
        return templates.history(key).stream().mapToInt(v -> v.version()).max().orElse(0);
    }
}
