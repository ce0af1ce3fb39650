package vn.bhxh.cms.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.junit.jupiter.api.Test;
import vn.bhxh.cms.workflow.WorkflowState;

/** The segmented XLIFF 2.0: units per block, segments with pc/ph codes, and reading back what was written. */
class SegmentXliffTest {

    private static final InlineCode BOLD = new InlineCode("1", InlineCode.Type.PC, "<strong>", "</strong>", "strong");
    private static final InlineCode BREAK = new InlineCode("2", InlineCode.Type.PH, "<br>", null, "br");

    @Test
    void writesPcAndPhAndReadsThemBack() {
        Workbench workbench = new Workbench("p1", "tyz", "Tày", "tiêu đề", 3, 2, WorkflowState.DRAFT, false, true,
                new Workbench.Progress(2, 1, 8, 3), List.of(
                        segment("t-1", "title", 0, "Tiêu đề", List.of(), "[Tày] tiêu đề", SegmentStatus.TRANSLATED),
                        segment("b-2", "body", 2, "Có ⟦1⟧thẻ⟦/1⟧ BHYT⟦2/⟧miễn phí", List.of(BOLD, BREAK), null, SegmentStatus.NEW)),
                null);
        String xml = SegmentXliff.write(workbench, "vi");
        assertThat(xml).contains("urn:oasis:names:tc:xliff:document:2.0", "srcLang=\"vi\"", "trgLang=\"tyz\"",
                "<segment id=\"b-2\" state=\"initial\">", "<data id=\"d1s\">&lt;strong&gt;</data>",
                "<pc canCopy=\"no\" canDelete=\"no\" dataRefEnd=\"d1e\" dataRefStart=\"d1s\" dispStart=\"strong\" id=\"1\">thẻ</pc>",
                "<ph canCopy=\"no\" canDelete=\"no\" dataRef=\"d2\" disp=\"br\" id=\"2\"/>",
                "<target>[Tày] tiêu đề</target>");
        // Valid XLIFF 2.0 core for Okapi's reader (schema and the specification's processing constraints).
        XLIFFReader.validate(xml, null);
        // As a CAT tool writes it back: the codes copied with their attributes, moved within the translation.
        String translated = xml.replace("miễn phí</source>", "miễn phí</source><target>[Tày] <pc canCopy=\"no\" canDelete=\"no\" "
                + "dataRefEnd=\"d1e\" dataRefStart=\"d1s\" dispStart=\"strong\" id=\"1\">thẻ</pc> "
                + "<ph canCopy=\"no\" canDelete=\"no\" dataRef=\"d2\" disp=\"br\" id=\"2\"/>free</target>");
        XLIFFReader.validate(translated, null);
        SegmentXliff.ReadFile read = SegmentXliff.read(translated.getBytes(StandardCharsets.UTF_8));
        assertThat(read.productId()).isEqualTo("p1");
        assertThat(read.sourceRevision()).isEqualTo(3);
        assertThat(read.segments()).containsExactly(new SegmentXliff.Read("t-1", "[Tày] tiêu đề", "translated", null),
                new SegmentXliff.Read("b-2", "[Tày] ⟦1⟧thẻ⟦/1⟧ ⟦2/⟧free", "initial", null));
    }

    private static Workbench.Segment segment(String id, String field, int block, String source, List<InlineCode> codes,
            String target, SegmentStatus status) {
        return new Workbench.Segment(id, field, field, block, source, codes, Placeholders.words(source), target, status, null,
                List.of(), null, null, List.of(), List.of());
    }
}
