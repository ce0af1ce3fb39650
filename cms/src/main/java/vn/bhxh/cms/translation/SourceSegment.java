package vn.bhxh.cms.translation;

import java.util.List;

/**
 * One piece of the Vietnamese source a translator translates at a time: the title, a sentence of the summary, or a
 * heading, paragraph, list item or table cell of the body (a long paragraph: one of its sentences).
 *
 * @param id stable while the segment's text is unchanged: derived from the field and the text
 * @param field {@code title}, {@code summary} or {@code body}
 * @param kind what the segment is in the document: title, summary, heading, paragraph, list-item, cell, quote, caption
 * @param block the block it belongs to, counted over the whole content; sentences of one paragraph share it
 * @param source the text with its inline codes as {@link Placeholders} marks
 */
public record SourceSegment(String id, String field, String kind, int block, String source, List<InlineCode> codes) {

    public SourceSegment {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public int words() {
        return Placeholders.words(source);
    }
}
