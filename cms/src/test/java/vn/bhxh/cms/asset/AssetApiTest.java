package vn.bhxh.cms.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.TestImages;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

@CmsIntegrationTest
class AssetApiTest {

    private static final String POSTER_NAME = "Áp phích BHXH tự nguyện – tiếng Tày.png";

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    ElasticsearchOperations elasticsearch;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
    }

    @Test
    void anUploadedImageIsServedSafelyWithEtagRangeAndItsVietnameseName() throws Exception {
        byte[] png = TestImages.png(1600, 900);
        JsonNode asset = upload("INFOGRAPHIC", POSTER_NAME, "image/png", png);
        assertThat(asset.get("format").asString()).isEqualTo("PNG");
        assertThat(asset.get("width").asInt()).isEqualTo(1600);
        assertThat(asset.get("fileName").asString()).isEqualTo(POSTER_NAME);
        String content = "/api/v1/assets/" + asset.get("id").asString() + "/content";

        HttpResponse<byte[]> whole = bytes(api.request(content).GET());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(png);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(whole.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(whole.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
        assertThat(whole.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Ap phich BHXH tu nguyen _ tieng Tay.png\"; filename*=UTF-8''"
                        + "%C3%81p%20ph%C3%ADch%20BHXH%20t%E1%BB%B1%20nguy%E1%BB%87n%20%E2%80%93%20ti%E1%BA%BFng%20T%C3%A0y.png");
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + asset.get("sha256").asString() + "\"");

        assertThat(bytes(api.request(content).header("If-None-Match", etag).GET()).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> part = bytes(api.request(content).header("Range", "bytes=100-199").GET());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + png.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(png, 100, 200));

        HttpResponse<byte[]> tail = bytes(api.request(content).header("Range", "bytes=-10").GET());
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(png, png.length - 10, png.length));

        HttpResponse<byte[]> outside = bytes(api.request(content).header("Range", "bytes=" + png.length + "-").GET());
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */" + png.length);

        // One download for the monthly report: the revalidation (304) and the seek (Range) are not new downloads.
        elasticsearch.indexOps(Download.class).refresh();
        long downloads = elasticsearch.count(NativeQuery.builder()
                .withQuery(q -> q.term(t -> t.field("assetId").value(asset.get("id").asString()))).build(), Download.class);
        assertThat(downloads).isEqualTo(1);

        HttpResponse<byte[]> share = bytes(api.request("/api/v1/assets/" + asset.get("id").asString() + "/renditions/link-share").GET());
        assertThat(share.statusCode()).isEqualTo(200);
        BufferedImage rendition = ImageIO.read(new ByteArrayInputStream(share.body()));
        assertThat(rendition.getWidth()).isEqualTo(1200);
        assertThat(rendition.getHeight()).isEqualTo(630);
        HttpResponse<byte[]> small = bytes(api.request("/api/v1/assets/" + asset.get("id").asString() + "/thumbnails/small").GET());
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void htmlDisguisedAsAnImageIsRefusedWithTheReasonInVietnameseOrEnglish() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> vietnamese = api.send(api.request(uploadPath("INFOGRAPHIC", "ảnh.png"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(html)));
        assertThat(vietnamese.statusCode()).isEqualTo(415);
        assertThat(vietnamese.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(vietnamese.body()).contains("Tệp bị từ chối", "có thể chứa mã chạy trong trình duyệt", "ACTIVE_CONTENT");

        HttpResponse<String> english = api.send(api.request(uploadPath("INFOGRAPHIC", "a.png")).header("Accept-Language", "en")
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(html)));
        assertThat(english.body()).contains("File refused", "can carry code that runs in a browser");

        HttpResponse<String> traversal = api.send(api.request(uploadPath("INFOGRAPHIC", "../../etc/passwd"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(html)));
        assertThat(traversal.statusCode()).isEqualTo(400);
    }

    @Test
    void aRadioFileArrivesInResumableChunksAndBecomesAnAssetOnTheLastOne() throws Exception {
        byte[] wav = wav(180);
        String metadata = "filename " + base64("Tin phát thanh tháng 5 – tiếng Mông.wav") + ",filetype " + base64("audio/wav");
        HttpResponse<String> created = api.send(api.request("/api/v1/uploads?productType=RADIO")
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", Integer.toString(wav.length))
                .header("Upload-Metadata", metadata).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(created.statusCode()).isEqualTo(201);
        String upload = created.headers().firstValue("Location").orElseThrow();

        int half = wav.length / 2;
        HttpResponse<String> first = patch(upload, 0, Arrays.copyOfRange(wav, 0, half));
        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(first.headers().firstValue("Asset-Location")).isEmpty();

        HttpResponse<String> head = api.send(api.request(upload).header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(half));

        assertThat(patch(upload, 0, new byte[10]).statusCode()).isEqualTo(409);

        // Another editor who learns the upload's address can neither read, continue nor cancel it: it is not theirs.
        ApiClient other = TestUsers.ensure(port, api, "bt-tai-len-khac", "[\"EDITOR\"]", "{}");
        assertThat(other.send(other.request(upload).header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
        assertThat(other.send(other.request(upload).header("Tus-Resumable", "1.0.0").header("Upload-Offset", Integer.toString(half))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[10]))).statusCode()).isEqualTo(404);
        assertThat(other.send(other.request(upload).header("Tus-Resumable", "1.0.0").DELETE()).statusCode()).isEqualTo(404);

        HttpResponse<String> last = patch(upload, half, Arrays.copyOfRange(wav, half, wav.length));
        assertThat(last.statusCode()).isEqualTo(204);
        String assetLocation = last.headers().firstValue("Asset-Location").orElseThrow();

        JsonNode asset = Json.parse(api.get(assetLocation).body());
        assertThat(asset.get("fileName").asString()).isEqualTo("Tin phát thanh tháng 5 – tiếng Mông.wav");
        assertThat(asset.get("inspectionStatus").asString()).isEqualTo("PASSED");
        assertThat(asset.get("durationSeconds").asDouble()).isEqualTo(180.0);
        assertThat(asset.get("loudnessLufs").asDouble()).isBetween(-24.0, -22.0);
        assertThat(api.send(api.request(upload).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
    }

    @Test
    void aSelectionIsBundledAsAZipWithAManifest() throws Exception {
        JsonNode first = upload("INFOGRAPHIC", "Infographic BHXH tự nguyện.png", "image/png", TestImages.png(300, 200));
        JsonNode second = upload("PRINT_MASTER", "Tờ gấp HSSV.png", "image/png", TestImages.png(200, 300));
        String body = "{\"title\":\"Đợt cao điểm tháng 5 – tiếng Tày\",\"items\":["
                + "{\"assetId\":\"" + first.get("id").asString() + "\",\"product\":\"Infographic BHXH tự nguyện\",\"language\":\"tyz\",\"version\":2},"
                + "{\"assetId\":\"" + second.get("id").asString() + "\",\"product\":\"Tờ gấp HSSV\",\"language\":\"tyz\",\"version\":1}]}";
        HttpResponse<byte[]> zip = bytes(api.request("/api/v1/assets/bundles").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            ZipEntry manifest = in.getNextEntry();
            assertThat(manifest.getName()).isEqualTo("manifest.json");
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains(first.get("sha256").asString(), second.get("sha256").asString(), "\"version\": 2");
            assertThat(in.getNextEntry().getName()).isEqualTo("tyz/Infographic BHXH tự nguyện/Infographic BHXH tự nguyện.png");
        }
    }

    private JsonNode upload(String productType, String fileName, String type, byte[] content) {
        HttpResponse<String> response = api.send(api.request(uploadPath(productType, fileName)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.parse(response.body());
    }

    private static String uploadPath(String productType, String fileName) {
        return "/api/v1/assets?productType=" + productType + "&fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> patch(String upload, long offset, byte[] chunk) {
        return api.send(api.request(upload).header("Tus-Resumable", "1.0.0").header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream").method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk)));
    }

    private HttpResponse<byte[]> bytes(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Mono 16-bit 8 kHz, a 1 kHz tone at −20 dBFS: about −23 LUFS. */
    private static byte[] wav(int seconds) throws IOException {
        int rate = 8000;
        byte[] pcm = new byte[seconds * rate * 2];
        for (int i = 0; i < seconds * rate; i++) {
            int sample = (int) Math.round(0.1 * 32767 * Math.sin(2 * Math.PI * 1000 * i / rate));
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new ByteArrayInputStream(pcm); AudioInputStream audio = new AudioInputStream(in, format, seconds * rate)) {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, out);
        }
        return out.toByteArray();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
