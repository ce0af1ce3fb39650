package vn.bhxh.cms.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import vn.bhxh.cms.product.VariantContent;

/** Segments of a source, the codes standing for its inline markup, and translations put back into its structure. */
class SegmenterTest {

    private static final String LONG = "Người lao động nên tiếp tục tham gia BHXH để được hưởng lương hưu khi về già. "
            + "Nhận BHXH một lần sẽ mất quyền hưởng lương hưu và thẻ BHYT miễn phí trong suốt thời gian nghỉ hưu. "
            + "Hãy liên hệ cơ quan BHXH nơi gần nhất tại TP. Hồ Chí Minh để được tư vấn.";
    private static final String BODY = "<h2>Vì sao <strong>không nên</strong> nhận BHXH một lần?</h2>"
            + "<p>" + LONG + "</p>"
            + "<ul><li>Được hưởng <a href=\"https://baohiemxahoi.gov.vn\">lương hưu</a> hằng tháng</li><li>Có thẻ BHYT<br>miễn phí</li></ul>";

    private final VariantContent source = new VariantContent("Vì sao không nên nhận BHXH một lần", "Tờ gấp cho người lao động.",
            BODY, List.of());

    @Test
    void headingsParagraphsAndListItemsAreSegmentsAndLongParagraphsAreSentences() {
        List<SourceSegment> segments = Segmenter.segments(source);
        assertThat(segments).extracting(SourceSegment::kind).containsExactly("title", "summary", "heading", "paragraph",
                "paragraph", "paragraph", "list-item", "list-item");
        assertThat(segments.get(2).source()).isEqualTo("Vì sao ⟦1⟧không nên⟦/1⟧ nhận BHXH một lần?");
        assertThat(segments.get(2).codes()).singleElement().satisfies(code -> {
            assertThat(code.type()).isEqualTo(InlineCode.Type.PC);
            assertThat(code.start()).isEqualTo("<strong>");
        });
        // "TP. Hồ Chí Minh" does not end a sentence.
        assertThat(segments.get(5).source()).isEqualTo("Hãy liên hệ cơ quan BHXH nơi gần nhất tại TP. Hồ Chí Minh để được tư vấn.");
        assertThat(segments.get(3).block()).isEqualTo(segments.get(5).block());
        assertThat(segments.get(6).source()).isEqualTo("Được hưởng ⟦1⟧lương hưu⟦/1⟧ hằng tháng");
        assertThat(segments.get(6).codes().get(0).label()).isEqualTo("a https://baohiemxahoi.gov.vn");
        assertThat(segments.get(7).source()).isEqualTo("Có thẻ BHYT⟦1/⟧miễn phí");
        assertThat(segments.get(7).codes().get(0).type()).isEqualTo(InlineCode.Type.PH);
        assertThat(segments).extracting(SourceSegment::id).doesNotHaveDuplicates();
    }

    @Test
    void aSentenceIsNeverSplitInsideAnInlinePair() {
        String text = "⟦1⟧Câu thứ nhất rất dài về bảo hiểm xã hội tự nguyện. Câu thứ hai vẫn ở trong phần in đậm.⟦/1⟧ "
                + "Câu thứ ba ở ngoài.";
        assertThat(Segmenter.sentences(text, 0)).containsExactly(
                "⟦1⟧Câu thứ nhất rất dài về bảo hiểm xã hội tự nguyện. Câu thứ hai vẫn ở trong phần in đậm.⟦/1⟧",
                "Câu thứ ba ở ngoài.");
    }

    @Test
    void theSourceRebuiltFromItsOwnSegmentsIsTheSource() {
        Map<String, String> same = new HashMap<>();
        Segmenter.segments(source).forEach(s -> same.put(s.id(), s.source()));
        VariantContent rebuilt = Segmenter.rebuild(source, same);
        assertThat(rebuilt.title()).isEqualTo(source.title());
        assertThat(rebuilt.summary()).isEqualTo(source.summary());
        assertThat(Jsoup.parseBodyFragment(rebuilt.body()).body().html()).isEqualTo(Jsoup.parseBodyFragment(BODY).body().html());
    }

    @Test
    void translationsGoBackIntoTheSourceStructureWithTheirCodesWhereTheTranslatorMovedThem() {
        List<SourceSegment> segments = Segmenter.segments(source);
        Map<String, String> targets = new HashMap<>();
        targets.put(segments.get(0).id(), "[Tày] tiêu đề");
        targets.put(segments.get(2).id(), "[Tày] ⟦1⟧mí khẳng⟦/1⟧ au BHXH?");
        targets.put(segments.get(6).id(), "[Tày] ⟦1⟧lương hưu⟦/1⟧");
        targets.put(segments.get(7).id(), "[Tày] BHYT⟦1/⟧ free");
        VariantContent rebuilt = Segmenter.rebuild(source, targets);
        assertThat(rebuilt.title()).isEqualTo("[Tày] tiêu đề");
        assertThat(rebuilt.summary()).isNull();
        assertThat(rebuilt.body()).contains("<h2>[Tày] <strong>mí khẳng</strong> au BHXH?</h2>",
                "<li>[Tày] <a href=\"https://baohiemxahoi.gov.vn\">lương hưu</a></li>", "<li>[Tày] BHYT<br> free</li>");
    }

    @Test
    void aTranslationMadeOutsideTheWorkbenchIsAlignedBlockByBlock() {
        VariantContent tay = new VariantContent("[Tày] tiêu đề", null, "<h2>[Tày] <strong>mí</strong> au?</h2><p>[Tày] một khối.</p>"
                + "<ul><li>[Tày] <a href=\"https://baohiemxahoi.gov.vn\">hưu</a></li><li>[Tày] thẻ</li></ul>", List.of());
        Segmenter.Derived derived = Segmenter.derive(source, tay);
        List<SourceSegment> segments = Segmenter.segments(source);
        assertThat(derived.aligned()).isTrue();
        assertThat(derived.targets()).containsEntry(segments.get(2).id(), "[Tày] ⟦1⟧mí⟦/1⟧ au?")
                .containsEntry(segments.get(3).id(), "[Tày] một khối.").containsEntry(segments.get(4).id(), "")
                .containsEntry(segments.get(6).id(), "[Tày] ⟦1⟧hưu⟦/1⟧").containsEntry(segments.get(7).id(), "[Tày] thẻ");
        assertThat(Segmenter.derive(source, new VariantContent("x", null, "<p>một</p>", List.of())).aligned()).isFalse();
    }

    @Test
    void codesMustAllBeThereOnceAndNested() {
        List<InlineCode> codes = List.of(new InlineCode("1", InlineCode.Type.PC, "<strong>", "</strong>", "strong"),
                new InlineCode("2", InlineCode.Type.PH, "<br>", null, "br"));
        assertThat(Placeholders.check("a ⟦1⟧b⟦/1⟧ ⟦2/⟧", codes)).isEmpty();
        assertThat(Placeholders.check("⟦2/⟧ ⟦1⟧b⟦/1⟧ a", codes)).as("moved codes are fine").isEmpty();
        assertThat(Placeholders.check("a b ⟦2/⟧", codes)).extracting(Placeholders.Problem::key).containsExactly("missingMark");
        assertThat(Placeholders.check("a ⟦1⟧b ⟦2/⟧", codes)).extracting(Placeholders.Problem::key).containsExactly("missingMark");
        assertThat(Placeholders.check("⟦/1⟧a⟦1⟧ ⟦2/⟧", codes)).extracting(Placeholders.Problem::key).contains("closedBeforeOpened");
        assertThat(Placeholders.check("⟦1⟧a⟦/1⟧ ⟦2/⟧ ⟦3/⟧", codes)).extracting(Placeholders.Problem::key).containsExactly("unknownMark");
        assertThat(Placeholders.check("⟦1⟧a⟦/1⟧ ⟦2/⟧⟦2/⟧", codes)).extracting(Placeholders.Problem::key).containsExactly("repeatedMark");
        assertThat(Placeholders.check("⟦1⟧a⟦/1⟧ ⟦2/ ⟧", codes)).extracting(Placeholders.Problem::key).contains("brokenMark");
    }

    @Test
    void wordDiffAndSimilarity() {
        assertThat(WordDiff.between("Mức đóng là 22% tiền lương", "Mức đóng là 22% thu nhập tháng")).containsExactly(
                new WordDiff.Part(WordDiff.Op.EQUAL, "Mức đóng là 22%"), new WordDiff.Part(WordDiff.Op.INSERT, "thu nhập tháng"),
                new WordDiff.Part(WordDiff.Op.DELETE, "tiền lương"));
        assertThat(Similarity.percent("Tham gia ⟦1⟧BHXH⟦/1⟧ tự nguyện", "tham gia BHXH tự nguyện")).isEqualTo(100);
        // 2 of 23 characters differ.
        assertThat(Similarity.percent("Tham gia BHXH tự nguyện", "Tham gia BHYT tự nguyện")).isEqualTo(91);
        assertThat(Similarity.percent("Tham gia BHXH tự nguyện", "Lương hưu hằng tháng")).isLessThan(TranslationMemory.MIN_SIMILARITY);
    }

    @Test
    void onlyChangedSegmentsOfAChangedSourceAreOutdated() {
        List<SourceSegment> before = Segmenter.segments(source);
        List<SegmentSet.StoredSegment> translated = before.stream().map(s -> new SegmentSet.StoredSegment(s.id(), s.source(),
                "[Tày] " + s.source(), s.source(), SegmentState.APPROVED, "dich", "duyet", List.of())).toList();
        VariantContent changed = new VariantContent(source.title(), source.summary(),
                BODY.replace("hằng tháng", "mỗi tháng").replace("<li>Có thẻ", "<li>Mới thêm</li><li>Có thẻ"), List.of());
        List<SourceSegment> now = Segmenter.segments(changed);
        Map<String, SegmentSet.StoredSegment> aligned = SegmentService.realign(translated, now);
        SourceSegment edited = now.get(6);
        assertThat(aligned.get(edited.id()).outdated()).isTrue();
        assertThat(aligned.get(edited.id()).translatedFrom()).isEqualTo("Được hưởng ⟦1⟧lương hưu⟦/1⟧ hằng tháng");
        assertThat(aligned.get(now.get(7).id())).as("the added item is new").isNull();
        assertThat(aligned.get(now.get(8).id()).state()).isEqualTo(SegmentState.APPROVED);
        assertThat(now.subList(0, 6)).allSatisfy(s -> {
            assertThat(aligned.get(s.id()).outdated()).isFalse();
            assertThat(aligned.get(s.id()).state()).isEqualTo(SegmentState.APPROVED);
        });
    }
}
