package vn.bhxh.templates.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import vn.bhxh.templates.Samples;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.qr.QrCodes;
import vn.bhxh.templates.render.PdfText;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.ProductRenderer;
import vn.bhxh.templates.template.InMemoryTemplateRepository;

class PrintDocumentTest {

    private static final FontCatalog FONTS = FontCatalog.debianNoto();
    private final ProductRenderer renderer = ProductRenderer.standard(new InMemoryTemplateRepository(), Clock.systemUTC());
    private final PdfLeafletWriter writer = new PdfLeafletWriter(FONTS, new QrCodes());

    @Test
    void theQrCodeDecodesToTheTrackedPublicPage() throws Exception {
        PrintDocument print = (PrintDocument) renderer.preview(Samples.vietnamese(), TemplateChannel.PRINT).payload();

        assertThat(decodeQr(print.pdf(), 0)).isEqualTo(Samples.PUBLIC_URL
                + "?utm_source=qr&utm_medium=print&utm_campaign=thang-van-dong-bhxh-2025");
        assertThat(print.qrUrl()).isEqualTo(decodeQr(print.pdf(), 0));
    }

    @Test
    void everyScriptWePublishIsEmbeddedAndReadsBackWithoutMissingGlyphs() throws IOException {
        String text = "Bảo hiểm xã hội cho tất cả mọi người. " + Samples.KHMER_SAMPLE + " "
                + Samples.TAI_VIET_LETTERS + " " + Samples.CHAM_LETTERS + " ƯỚC MƠ – “đóng góp” 2025";

        PrintResult result = writer.write(new PrintContent("vi", "Mẫu nhiều chữ viết", text, "Quét mã QR", "https://baohiemxahoi.gov.vn/", PrintFormat.LEAFLET_A4));

        assertThat(result.missingCodePoints()).isEmpty();
        assertThat(PdfText.withoutWhitespace(PdfText.extract(result.pdf())))
                .isEqualTo(PdfText.withoutWhitespace("Quét mã QR" + "Mẫu nhiều chữ viết" + text));
        assertThat(embeddedFonts(result.pdf())).contains("NotoSans-Regular", "NotoSansKhmer-Regular",
                "NotoSansTaiViet-Regular", "NotoSansCham-Regular");
    }

    @Test
    void eachVariantReadsBackExactlyAsRendered() {
        for (RenderInput input : List.of(Samples.vietnamese(), Samples.khmer(), Samples.tay())) {
            Preview preview = renderer.preview(input, TemplateChannel.PRINT);
            String extracted = PdfText.extract(((PrintDocument) preview.payload()).pdf());

            assertThat(PdfText.withoutWhitespace(extracted)).as(input.languageTag())
                    .contains(PdfText.withoutWhitespace(input.title()))
                    .contains(PdfText.withoutWhitespace(input.message()));
            assertThat(preview.violations()).noneMatch(v -> v.rule().equals("missing-glyph"));
        }
    }

    @Test
    void charactersNoFontHasAreReportedNotDrawnAsBoxes() {
        RenderInput withEmoji = Samples.vietnamese().toBuilder().title("Tham gia BHXH 😀").build();

        Preview preview = renderer.preview(withEmoji, TemplateChannel.PRINT);

        assertThat(preview.publishable()).isFalse();
        assertThat(preview.violations()).anySatisfy(v -> {
            assertThat(v.rule()).isEqualTo("missing-glyph");
            assertThat(v.vietnamese()).contains("U+1F600");
        });
        assertThat(PdfText.extract(((PrintDocument) preview.payload()).pdf())).contains("Tham gia BHXH").doesNotContain("😀");
    }

    @Test
    void khmerPrintHasNoViolations() {
        assertThat(renderer.preview(Samples.khmer(), TemplateChannel.PRINT).violations()).isEmpty();
    }

    @Test
    void postersAreA3AndLongTextsGetMorePagesEachWithItsQrCode() throws Exception {
        RenderInput poster = Samples.vietnamese().toBuilder().productType("POSTER")
                .bodyHtml("<p>" + "Bảo hiểm xã hội là đầu tư cho tương lai. ".repeat(40) + "</p>".repeat(1)
                        + ("<p>" + "Tham gia bảo hiểm xã hội là bảo vệ cuộc sống của mỗi gia đình. ".repeat(10) + "</p>").repeat(8))
                .build();

        PrintDocument print = (PrintDocument) renderer.preview(poster, TemplateChannel.PRINT).payload();

        assertThat(print.pageSize()).isEqualTo("POSTER_A3");
        assertThat(print.pages()).isGreaterThan(1);
        try (PDDocument document = Loader.loadPDF(print.pdf())) {
            PDRectangle size = document.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isEqualTo(PDRectangle.A3.getWidth());
        }
        assertThat(decodeQr(print.pdf(), print.pages() - 1)).isEqualTo(print.qrUrl());
    }

    private static String decodeQr(byte[] pdf, int page) throws IOException, NotFoundException, ChecksumException, FormatException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }

    private static List<String> embeddedFonts(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    // Subset fonts are named "ABCDEF+NotoSans-Regular".
                    names.add(font.getName().substring(font.getName().indexOf('+') + 1));
                }
            }
        }
        return names;
    }
}
