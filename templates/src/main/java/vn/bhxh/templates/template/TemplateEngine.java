package vn.bhxh.templates.template;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import vn.bhxh.templates.channel.TemplateFormat;

/**
 * The one template engine (Mustache, jmustache) for every channel. HTML templates escape every field;
 * text templates escape nothing, because their output is either sent as is (SMS) or handed to a JSON/XML
 * serializer that escapes for its own format.
 */
public final class TemplateEngine {

    private final Mustache.Compiler textCompiler = Mustache.compiler()
            .escapeHTML(false).emptyStringIsFalse(true).strictSections(true);
    /**
     * The five characters that matter in element content and quoted attributes. jmustache's default also
     * turns '=' into "&#x3D;", which mangles every link's query string; unquoted attributes, the reason
     * for escaping '=', are refused by the validator instead.
     */
    private static final Mustache.Escaper HTML_ESCAPER = Escapers.simple(new String[][] {
            {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});

    private final Mustache.Compiler htmlCompiler = Mustache.compiler()
            .withEscaper(HTML_ESCAPER).emptyStringIsFalse(true).strictSections(true);

    public Template compile(String source, TemplateFormat format) {
        return (format == TemplateFormat.HTML ? htmlCompiler : textCompiler).compile(source);
    }

    public String render(String source, TemplateFormat format, TemplateValues values) {
        String output = compile(source, format).execute(values.asContext());
        return tidy(output);
    }

    /** Optional sections leave blank lines behind; keep at most one empty line and no edge whitespace. */
    private static String tidy(String output) {
        return output.replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
