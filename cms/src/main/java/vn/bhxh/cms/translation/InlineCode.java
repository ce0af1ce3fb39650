package vn.bhxh.cms.translation;

/**
 * Inline markup of a segment that the translator keeps but does not write: a pair around text ({@code PC}, e.g. bold or a
 * link: {@code ⟦1⟧…⟦/1⟧}) or a standalone mark ({@code PH}, a line break or an image: {@code ⟦2/⟧}).
 *
 * @param id unique within the block the segment comes from (XLIFF 2.0: within the unit)
 * @param start the HTML of the opening tag (or of the standalone element)
 * @param end the HTML of the closing tag, null for a standalone mark
 * @param label what the translator is shown: the tag and, for a link, where it goes
 */
public record InlineCode(String id, Type type, String start, String end, String label) {

    public enum Type { PC, PH }

    public String open() {
        return type == Type.PC ? Placeholders.OPEN + id + Placeholders.CLOSE : Placeholders.OPEN + id + "/" + Placeholders.CLOSE;
    }

    public String close() {
        return type == Type.PC ? Placeholders.OPEN + "/" + id + Placeholders.CLOSE : null;
    }
}
