package vn.bhxh.cms.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * The translation workbench over the API: segments with codes and progress, saving with every segment checked, only
 * changed segments outdated when the source changes, a second speaker's review, memory matches from approved
 * translations, the glossary, XLIFF 2.0 with pc/ph round trip, and translators kept to their languages.
 */
@CmsIntegrationTest
class WorkbenchApiTest {

    // The sentences are long enough (> 200 characters together) for the paragraph to be split into sentences.
    private static final String SENTENCE_1 = "Người lao động nên tiếp tục tham gia BHXH để được hưởng lương hưu khi hết tuổi lao động.";
    private static final String SENTENCE_2 = "Nhận BHXH một lần sẽ mất quyền hưởng lương hưu và thẻ BHYT do quỹ BHXH chi trả.";
    private static final String SENTENCE_3 = "Hãy đến cơ quan BHXH nơi gần nhất để được tư vấn miễn phí về các chế độ.";
    private static final String BODY = "<h2>Vì sao <strong>không nên</strong> nhận BHXH một lần?</h2><p>" + SENTENCE_1 + " "
            + SENTENCE_2 + " " + SENTENCE_3 + "</p><ul><li>Có thẻ BHYT<br>miễn phí</li><li>Được hưởng lương hưu hằng tháng</li></ul>";

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    ApiClient admin;
    ApiClient editor;
    ApiClient translator;
    ApiClient secondSpeaker;
    ApiClient languageReviewer;
    ApiClient approver;
    ApiClient thaiTranslator;
    String product;
    String title;

    @BeforeEach
    void leafletWithATayTranslationRequested() {
        Await.until(indices::isReady, Duration.ofSeconds(90), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        editor = TestUsers.ensure(port, admin, "bien-tap-wb", "[\"EDITOR\"]", "{}");
        translator = TestUsers.ensure(port, admin, "dich-tay-wb", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        secondSpeaker = TestUsers.ensure(port, admin, "dich-tay-wb-2", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        languageReviewer = TestUsers.ensure(port, admin, "duyet-tay-wb", "[\"REVIEWER\"]", "{\"languages\":[\"tyz\"]}");
        approver = TestUsers.ensure(port, admin, "phe-duyet-wb", "[\"APPROVER\"]", "{}");
        thaiTranslator = TestUsers.ensure(port, admin, "dich-thai-wb", "[\"TRANSLATOR\"]", "{\"languages\":[\"blt-Tavt\"]}");
        title = "Vì sao không nên nhận BHXH một lần " + UUID.randomUUID();
        product = create(title, BODY);
        assertThat(editor.post("/api/v1/products/" + product + "/variants", "{\"language\":\"tyz\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void segmentsWithCodesProgressAndCheckedSaves() {
        HttpResponse<String> listed = translator.get(segments(product));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode wb = Json.parse(listed.body());
        assertThat(wb.get("languageName").asString()).isEqualTo("Tày");
        List<String> kinds = new ArrayList<>();
        wb.get("segments").forEach(s -> kinds.add(s.get("kind").asString()));
        assertThat(kinds).containsExactly("title", "heading", "paragraph", "paragraph", "paragraph", "list-item", "list-item");
        JsonNode heading = wb.get("segments").get(1);
        assertThat(heading.get("source").asString()).isEqualTo("Vì sao ⟦1⟧không nên⟦/1⟧ nhận BHXH một lần?");
        assertThat(heading.get("codes").get(0).get("type").asString()).isEqualTo("PC");
        assertThat(wb.get("segments").get(2).get("source").asString()).isEqualTo(SENTENCE_1);
        assertThat(wb.get("progress").get("segmentsDone").asInt()).isZero();
        assertThat(wb.get("segments").get(0).get("status").asString()).isEqualTo("NEW");

        // A translator of another language does not see the Tày translation at all.
        assertThat(thaiTranslator.get(segments(product)).statusCode()).isEqualTo(404);

        // A broken code in one segment: nothing is saved, the answer names the segment and the missing code.
        String etag = listed.headers().firstValue("ETag").orElseThrow();
        String headingId = heading.get("id").asString();
        String titleId = wb.get("segments").get(0).get("id").asString();
        HttpResponse<String> refused = save(translator, product, etag, "[{\"id\":\"" + titleId + "\",\"target\":\"[Tày] tiêu đề\"},"
                + "{\"id\":\"" + headingId + "\",\"target\":\"[Tày] ⟦1⟧mí khẳng au BHXH?\"}]");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = Json.parse(refused.body());
        assertThat(problem.get("errors").get(0).get("segment").asString()).isEqualTo(headingId);
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("thiếu mã định dạng ⟦/1⟧");
        assertThat(Json.parse(translator.get(variant(product)).body()).get("revision").asInt()).isZero();

        HttpResponse<String> saved = save(translator, product, etag, "[{\"id\":\"" + titleId + "\",\"target\":\"[Tày] tiêu đề\"},"
                + "{\"id\":\"" + headingId + "\",\"target\":\"[Tày] ⟦1⟧mí khẳng⟦/1⟧ au BHXH?\"}]");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode after = Json.parse(saved.body());
        assertThat(after.get("progress").get("segmentsDone").asInt()).isEqualTo(2);
        assertThat(after.get("progress").get("wordsDone").asInt()).isPositive();
        JsonNode tay = Json.parse(translator.get(variant(product)).body());
        assertThat(tay.get("title").asString()).isEqualTo("[Tày] tiêu đề");
        assertThat(tay.get("body").asString()).startsWith("<h2>[Tày] <strong>mí khẳng</strong> au BHXH?</h2>");

        // The old ETag is stale now.
        assertThat(save(translator, product, etag, "[{\"id\":\"" + titleId + "\",\"target\":\"x\"}]").statusCode()).isEqualTo(412);
    }

    @Test
    void onlyTheChangedSentenceIsOutdatedAndApprovedOnesStayApproved() {
        translateAll(translator, product);
        approveTranslation(product);
        JsonNode approved = Json.parse(translator.get(segments(product)).body());
        approved.get("segments").forEach(s -> assertThat(s.get("status").asString()).isEqualTo("APPROVED"));

        // The editor changes one sentence of the long paragraph.
        String changed = BODY.replace("tư vấn miễn phí về các chế độ.", "tư vấn miễn phí về các chế độ hưu trí.");
        String vi = variantOf(product, "vi");
        editor.send(editor.request(vi).header("If-Match", etagOf(editor, vi)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":" + Json.quote(title) + ",\"body\":" + Json.quote(changed) + "}")));

        JsonNode wb = Json.parse(translator.get(segments(product)).body());
        assertThat(wb.get("outdated").asBoolean()).isTrue();
        List<String> statuses = new ArrayList<>();
        wb.get("segments").forEach(s -> statuses.add(s.get("status").asString()));
        assertThat(statuses).containsExactly("APPROVED", "APPROVED", "APPROVED", "APPROVED", "OUTDATED", "APPROVED", "APPROVED");
        JsonNode outdated = wb.get("segments").get(4);
        assertThat(outdated.get("previousSource").asString()).isEqualTo(SENTENCE_3);
        assertThat(outdated.get("diff").toString()).contains("{\"op\":\"INSERT\",\"text\":\"độ hưu trí.\"}",
                "{\"op\":\"DELETE\",\"text\":\"độ.\"}");

        // Translating the outdated segment brings the translation up to date; the others keep their approval.
        HttpResponse<String> saved = save(translator, product, etagOf(translator, segments(product)),
                "[{\"id\":\"" + outdated.get("id").asString() + "\",\"target\":\"[Tày] câu ba mới.\"}]");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode now = Json.parse(saved.body());
        assertThat(now.get("outdated").asBoolean()).isFalse();
        assertThat(now.get("segments").get(4).get("status").asString()).isEqualTo("TRANSLATED");
        assertThat(now.get("segments").get(3).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void anApproversConfirmationThatTheTranslationStillFitsBringsItsSegmentsUpToDate() {
        translateAll(translator, product);
        String vi = variantOf(product, "vi");
        editor.send(editor.request(vi).header("If-Match", etagOf(editor, vi)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":" + Json.quote(title) + ",\"body\":"
                        + Json.quote(BODY.replace("hằng tháng", "mỗi tháng")) + "}")));
        assertThat(Json.parse(translator.get(segments(product)).body()).get("segments").get(6).get("status").asString())
                .isEqualTo("OUTDATED");

        String tay = variant(product);
        HttpResponse<String> confirmed = approver.send(approver.request(tay + "/confirm-source").header("If-Match", etagOf(admin, tay))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"vẫn đúng\"}")));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode wb = Json.parse(translator.get(segments(product)).body());
        wb.get("segments").forEach(s -> assertThat(s.get("status").asString()).isEqualTo("TRANSLATED"));
    }

    @Test
    void aSecondSpeakerReviewsSegmentsAndTheTranslatorSeesTheComments() {
        translateAll(translator, product);
        JsonNode wb = Json.parse(translator.get(segments(product)).body());
        String first = wb.get("segments").get(0).get("id").asString();
        String second = wb.get("segments").get(1).get("id").asString();
        String etag = etagOf(translator, segments(product));

        HttpResponse<String> own = review(translator, product, first, etag, "{\"decision\":\"ACCEPT\"}");
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(review(thaiTranslator, product, first, etag, "{\"decision\":\"ACCEPT\"}").statusCode()).isEqualTo(404);

        assertThat(review(secondSpeaker, product, first, etag, "{\"decision\":\"ACCEPT\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> noComment = review(secondSpeaker, product, second, etag, "{\"decision\":\"COMMENT\"}");
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(noComment.body()).contains("comment");
        assertThat(review(secondSpeaker, product, second, etag,
                "{\"decision\":\"COMMENT\",\"comment\":\"Nên dùng từ địa phương hơn\"}").statusCode()).isEqualTo(200);

        JsonNode seen = Json.parse(translator.get(segments(product)).body());
        assertThat(seen.get("segments").get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(seen.get("segments").get(0).get("reviewedBy").asString()).isEqualTo("dich-tay-wb-2");
        assertThat(seen.get("segments").get(1).get("comments").get(0).get("text").asString()).isEqualTo("Nên dùng từ địa phương hơn");
    }

    @Test
    void approvedSegmentsAreOfferedAsExactAndFuzzyMatches() {
        translateAll(translator, product);
        approveTranslation(product);

        String other = create("Tờ gấp khác " + UUID.randomUUID(), "<p>" + SENTENCE_1 + "</p><p>"
                + SENTENCE_2.replace("thẻ BHYT", "thẻ bảo hiểm y tế") + "</p>");
        assertThat(editor.post("/api/v1/products/" + other + "/variants", "{\"language\":\"tyz\"}").statusCode()).isEqualTo(201);
        JsonNode wb = Json.parse(translator.get(segments(other)).body());
        String exactId = wb.get("segments").get(1).get("id").asString();
        String fuzzyId = wb.get("segments").get(2).get("id").asString();

        JsonNode exact = Json.parse(translator.get(segments(other) + "/" + exactId + "/suggestions").body());
        assertThat(exact.get("memory").get(0).get("similarity").asInt()).isEqualTo(100);
        assertThat(exact.get("memory").get(0).get("exact").asBoolean()).isTrue();
        assertThat(exact.get("memory").get(0).get("target").asString()).isEqualTo("[Tày] " + SENTENCE_1);

        JsonNode fuzzy = Json.parse(translator.get(segments(other) + "/" + fuzzyId + "/suggestions").body());
        JsonNode match = fuzzy.get("memory").get(0);
        assertThat(match.get("exact").asBoolean()).isFalse();
        assertThat(match.get("similarity").asInt()).isBetween(TranslationMemory.MIN_SIMILARITY, 99);
        assertThat(match.get("target").asString()).isEqualTo("[Tày] " + SENTENCE_2);
        // Another language's memory is not offered.
        assertThat(thaiTranslator.get(segments(other) + "/" + exactId + "/suggestions").statusCode()).isEqualTo(404);
    }

    @Test
    void theGlossaryIsKeptByTheLanguagesReviewersAndWarnsOnSegments() {
        String term = "{\"term\":\"BHYT\",\"translation\":\"Bảo hiểm y tế (Tày)\",\"note\":\"viết đầy đủ lần đầu\"}";
        HttpResponse<String> refused = translator.send(translator.request("/api/v1/glossary/tyz/terms")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(term)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Json.parse(refused.body()).get("detail").asString()).contains("Tày").doesNotContain("tyz");
        assertThat(languageReviewer.send(languageReviewer.request("/api/v1/glossary/tyz/terms")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(term))).statusCode()).isEqualTo(200);
        assertThat(thaiTranslator.get("/api/v1/glossary/tyz").statusCode()).isEqualTo(403);
        assertThat(translator.get("/api/v1/glossary/tyz").body()).contains("Bảo hiểm y tế (Tày)", "\"languageName\":\"Tày\"");

        translateAll(translator, product);
        JsonNode wb = Json.parse(translator.get(segments(product)).body());
        JsonNode item = wb.get("segments").get(5);
        assertThat(item.get("source").asString()).startsWith("Có thẻ BHYT");
        JsonNode hit = item.get("glossary").get(0);
        assertThat(hit.get("term").asString()).isEqualTo("BHYT");
        assertThat(hit.get("missing").asBoolean()).isTrue();
    }

    @Test
    void xliffWithPcAndPhRoundTripsAndOneBadSegmentChangesNothing() {
        String path = "/api/v1/products/" + product + "/variants/tyz/translation";
        HttpResponse<String> exported = translator.get(path + "?format=xliff");
        String xliff = exported.body();
        assertThat(xliff).contains("<pc canCopy=\"no\" canDelete=\"no\" dataRefEnd=\"d1e\" dataRefStart=\"d1s\" dispStart=\"strong\" id=\"1\">không nên</pc>",
                "<ph canCopy=\"no\" canDelete=\"no\" dataRef=\"d1\" disp=\"br\" id=\"1\"/>", "<data id=\"d1s\">&lt;strong&gt;</data>");
        XLIFFReader.validate(xliff, null);
        JsonNode wb = Json.parse(translator.get(segments(product)).body());
        String headingId = wb.get("segments").get(1).get("id").asString();
        String itemId = wb.get("segments").get(5).get("id").asString();
        String good = withTarget(withTarget(xliff, headingId, "[Tày] <pc id=\"1\">mí</pc> au?"), itemId, "[Tày] thẻ<ph id=\"1\"/>free");
        String bad = withTarget(good, wb.get("segments").get(0).get("id").asString(), "[Tày] <pc id=\"7\">x</pc>");

        String etag = exported.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> refused = put(translator, path, etag, bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("⟦7⟧", "không có trong bản gốc");
        assertThat(Json.parse(translator.get(variant(product)).body()).get("revision").asInt()).isZero();

        HttpResponse<String> imported = put(translator, path, etag, good);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String body = Json.parse(translator.get(variant(product)).body()).get("body").asString();
        assertThat(body).contains("<h2>[Tày] <strong>mí</strong> au?</h2>", "<li>[Tày] thẻ<br>free</li>");

        // Exported again, the file carries the imported targets in the same codes.
        String again = translator.get(path + "?format=xliff").body();
        XLIFFReader.validate(again, null);
        assertThat(again).contains("<target>[Tày] <pc canCopy=\"no\" canDelete=\"no\" dataRefEnd=\"d1e\" dataRefStart=\"d1s\" dispStart=\"strong\" id=\"1\">mí</pc> au?</target>");
    }

    @Test
    void theOpenApiDescriptionListsTheWorkbench() {
        assertThat(admin.getAnonymously("/v3/api-docs").body()).contains("/api/v1/products/{id}/variants/{language}/segments",
                "/api/v1/products/{id}/variants/{language}/segments/{segment}/suggestions",
                "/api/v1/products/{id}/variants/{language}/segments/{segment}/review", "/api/v1/glossary/{language}/terms");
    }

    private void translateAll(ApiClient client, String id) {
        JsonNode wb = Json.parse(client.get(segments(id)).body());
        StringBuilder edits = new StringBuilder("[");
        for (JsonNode segment : wb.get("segments")) {
            edits.append(edits.length() > 1 ? "," : "").append("{\"id\":\"").append(segment.get("id").asString())
                    .append("\",\"target\":").append(Json.quote("[Tày] " + segment.get("source").asString())).append("}");
        }
        HttpResponse<String> saved = save(client, id, etagOf(client, segments(id)), edits.append("]").toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private void approveTranslation(String id) {
        String tay = variantOf(id, "tyz");
        assertThat(transition(translator, tay, "SUBMIT").statusCode()).isEqualTo(200);
        assertThat(transition(languageReviewer, tay, "REVIEW").statusCode()).isEqualTo(200);
        HttpResponse<String> approved = transition(approver, tay, "APPROVE");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    private HttpResponse<String> transition(ApiClient client, String variant, String action) {
        return client.send(client.request(variant + "/transitions").header("If-Match", etagOf(admin, variant))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")));
    }

    private String create(String productTitle, String body) {
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":"
                + Json.quote(productTitle) + ",\"body\":" + Json.quote(body) + "}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("productId").asString();
    }

    private static String withTarget(String xliff, String segmentId, String target) {
        int at = xliff.indexOf("<segment id=\"" + segmentId + "\"");
        int end = xliff.indexOf("</source>", at) + "</source>".length();
        return xliff.substring(0, end) + "<target>" + target + "</target>" + xliff.substring(end);
    }

    private static String segments(String id) {
        return "/api/v1/products/" + id + "/variants/tyz/segments";
    }

    private static String variant(String id) {
        return variantOf(id, "tyz");
    }

    private static String variantOf(String id, String language) {
        return "/api/v1/products/" + id + "/variants/" + language;
    }

    private static String etagOf(ApiClient client, String path) {
        return client.get(path).headers().firstValue("ETag").orElseThrow();
    }

    private static HttpResponse<String> save(ApiClient client, String id, String etag, String edits) {
        return client.send(client.request(segments(id)).header("If-Match", etag).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"segments\":" + edits + "}")));
    }

    private static HttpResponse<String> review(ApiClient client, String id, String segment, String etag, String json) {
        return client.send(client.request(segments(id) + "/" + segment + "/review").header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> put(ApiClient client, String path, String etag, String body) {
        return client.send(client.request(path).header("If-Match", etag).header("Content-Type", "application/xliff+xml")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }
}
