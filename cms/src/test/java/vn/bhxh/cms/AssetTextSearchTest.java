package vn.bhxh.cms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.product.Folding;
import static org.assertj.core.api.Assertions.assertThat;


/** Search covers the text inside a variant's files: a word only in the attached PDF finds the product. */
@CmsIntegrationTest
class AssetTextSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Test
    void aWordInsideTheAttachedPdfFindsTheProductWithoutDiacritics() throws IOException {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        ApiClient editor = TestUsers.ensure(port, admin, "bien-tap", "[\"EDITOR\"]", "{}");
        String word = "Quyềnlợi" + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> uploaded = editor.send(editor.request("/api/v1/assets?productType=PRINT_MASTER&fileName="
                + URLEncoder.encode("Tờ rơi.pdf", StandardCharsets.UTF_8)).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf("Người tham gia được bảo đảm " + word))));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String assetId = Json.parse(uploaded.body()).get("id").asString();

        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{"
                + "\"title\":\"Tờ rơi có tệp in\",\"assets\":[{\"assetId\":\"" + assetId + "\",\"role\":\"print-master\"}]}}");
        assertThat(created.statusCode()).isEqualTo(201);
        String productId = Json.parse(created.body()).get("productId").asString();

        String folded = Folding.fold(word);
        assertThat(editor.get("/api/v1/search?q=" + folded).body()).contains(productId);
        // The asset record lists the products that use it.
        assertThat(editor.get("/api/v1/assets/" + assetId).body()).contains(productId);

        HttpResponse<String> unknown = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{"
                + "\"title\":\"Tờ rơi\",\"assets\":[{\"assetId\":\"khong-co-tep\",\"role\":\"print-master\"}]}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Không có tệp này");
    }

    private static byte[] pdf(String text) throws IOException {
        Path font = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(PDType0Font.load(document, Files.newInputStream(font)), 14);
                stream.newLineAtOffset(50, 700);
                stream.showText(text);
                stream.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
