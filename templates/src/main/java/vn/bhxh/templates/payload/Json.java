package vn.bhxh.templates.payload;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes payload JSON through Jackson, never by string templates, so quotes and backslashes in a title
 * cannot break it. '<', '>' and '&' are written as \\u escapes too: the feed JSON may be inlined into
 * an HTML page, where a literal "</script>" would end the script element.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder(
            JsonFactory.builder().characterEscapes(new HtmlSafeEscapes()).build()).build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(ObjectNode node) {
        return MAPPER.writeValueAsString(node);
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
