package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.translation.SegmentService;
import vn.bhxh.cms.translation.Workbench;
import vn.bhxh.cms.workflow.WorkflowAction;

/** The workbench page: segments side by side with codes and progress, a broken code refused on the page, names not codes. */
@CmsIntegrationTest
class WorkbenchPageTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    ProductService products;

    @Autowired
    SegmentService segments;

    @Test
    void translatorWorksSegmentBySegment() {
        Await.until(indices::isReady, Duration.ofSeconds(90), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        ApiClient editor = TestUsers.ensure(port, admin, "bien-tap-trang-wb", "[\"EDITOR\"]", "{}");
        TestUsers.ensure(port, admin, "dich-tay-trang-wb", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        String created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":"
                + Json.quote("Thẻ BHYT hộ gia đình " + UUID.randomUUID()) + ",\"body\":"
                + Json.quote("<p>Tham gia <strong>BHYT</strong> theo hộ gia đình.</p>") + "}}").body();
        String id = Json.parse(created).get("productId").asString();
        editor.post("/api/v1/products/" + id + "/variants", "{\"language\":\"tyz\"}");

        WebClient web = new WebClient(port);
        web.login("dich-tay-trang-wb", TestUsers.PASSWORD);
        String path = "/translate/" + id + "/tyz/segments";
        HttpResponse<String> page = web.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Bàn dịch: Tày", "Đã dịch 0/2 đoạn", "class=\"code\"", "⟦1⟧", "Đoạn văn", "Chưa dịch")
                .doesNotContain("Bàn dịch: tyz");
        assertThat(web.get("/translate").body()).contains("<td>Tày</td>");

        String paragraph = segmentId(page.body(), 1);
        String version = field(page.body(), "version");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", version);
        form.put("t:" + paragraph, "[Tày] Tham gia ⟦1⟧BHYT theo hộ.");
        form.put("o:" + paragraph, "");
        HttpResponse<String> refused = web.submit(path, path, form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("thiếu mã định dạng ⟦/1⟧", "[Tày] Tham gia ⟦1⟧BHYT theo hộ.");

        form.put("t:" + paragraph, "[Tày] Tham gia ⟦1⟧BHYT⟦/1⟧ theo hộ.");
        HttpResponse<String> saved = web.submit(path, path, form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(web.get(path).body()).contains("Đã dịch 1/2 đoạn", "Đã dịch</span>");
        assertThat(Json.parse(admin.get("/api/v1/products/" + id + "/variants/tyz").body()).get("body").asString())
                .isEqualTo("<p>[Tày] Tham gia <strong>BHYT</strong> theo hộ.</p>");
    }

    @Test
    void theLanguagesReviewerKeepsTheGlossaryOnItsPage() {
        Await.until(indices::isReady, Duration.ofSeconds(90), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        TestUsers.ensure(port, admin, "duyet-tay-trang-wb", "[\"REVIEWER\"]", "{\"languages\":[\"tyz\"]}");
        TestUsers.ensure(port, admin, "dich-tay-trang-wb", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        String term = "VssID " + UUID.randomUUID().toString().substring(0, 8);

        WebClient reviewer = new WebClient(port);
        reviewer.login("duyet-tay-trang-wb", TestUsers.PASSWORD);
        String path = "/translate/glossary/tyz";
        HttpResponse<String> saved = reviewer.submit(path, path, Map.of("term", term, "translation", "[Tày] ứng dụng " + term,
                "note", "tên ứng dụng, không dịch"));
        assertThat(saved.statusCode()).isEqualTo(302);

        WebClient translator = new WebClient(port);
        translator.login("dich-tay-trang-wb", TestUsers.PASSWORD);
        String page = translator.get(path).body();
        assertThat(page).contains("Bảng thuật ngữ: Tày", term, "[Tày] ứng dụng " + term).doesNotContain("id=\"glossary-form\"");
        assertThat(translator.get("/translate").body()).contains("Bảng thuật ngữ: Tày");
    }

    @Test
    void approvedTranslationsComeBackAsMemoryMatchesWithAButtonToUseThem() {
        Await.until(indices::isReady, Duration.ofSeconds(90), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        ApiClient editor = TestUsers.ensure(port, admin, "bien-tap-trang-wb", "[\"EDITOR\"]", "{}");
        ApiClient translator = TestUsers.ensure(port, admin, "dich-tay-trang-wb", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        ApiClient reviewer = TestUsers.ensure(port, admin, "duyet-tay-trang-wb", "[\"REVIEWER\"]", "{\"languages\":[\"tyz\"]}");
        ApiClient approver = TestUsers.ensure(port, admin, "phe-duyet-trang-wb", "[\"APPROVER\"]", "{}");
        String sentence = "Mức đóng BHXH tự nguyện bằng 22% mức thu nhập tháng " + UUID.randomUUID().toString().substring(0, 6) + ".";
        String first = product(editor, "<p>" + sentence + "</p>");
        String tay = "/api/v1/products/" + first + "/variants/tyz";
        JsonNode wb = Json.parse(translator.get(tay + "/segments").body());
        String edits = "[{\"id\":\"" + wb.get("segments").get(0).get("id").asString() + "\",\"target\":\"[Tày] tiêu đề\"},{\"id\":\""
                + wb.get("segments").get(1).get("id").asString() + "\",\"target\":\"[Tày] mức đóng\"}]";
        assertThat(translator.send(translator.request(tay + "/segments").header("If-Match", etag(translator, tay))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"segments\":" + edits + "}")))
                .statusCode()).isEqualTo(200);
        for (Map.Entry<ApiClient, String> step : List.of(Map.entry(translator, "SUBMIT"), Map.entry(reviewer, "REVIEW"),
                Map.entry(approver, "APPROVE"))) {
            HttpResponse<String> done = step.getKey().send(step.getKey().request(tay + "/transitions").header("If-Match", etag(admin, tay))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + step.getValue() + "\"}")));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        }

        String second = product(editor, "<p>" + sentence + "</p>");
        WebClient web = new WebClient(port);
        web.login("dich-tay-trang-wb", TestUsers.PASSWORD);
        String page = web.get("/translate/" + second + "/tyz/segments").body();
        assertThat(page).contains("Bộ nhớ dịch", "100%", "[Tày] mức đóng", "data-use-for=\"t-", "data-text=\"[Tày] mức đóng\"");
    }

    /**
     * The translator's dashboard counts, per language they are scoped to (by name), the translations to write and to
     * review, outdated segments, words to translate and memory matches. Counted as changes from the page before this
     * test's own work, so other data on the shared node does not matter (no other test uses Chơ Ro or Giẻ Triêng).
     */
    @Test
    void theTranslatorsDashboardCountsTheWorkOfEachOfTheirLanguages() {
        Await.until(indices::isReady, Duration.ofSeconds(90), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        TestUsers.ensure(port, admin, "dich-cho-ro-wb", "[\"TRANSLATOR\"]", "{\"languages\":[\"crw\",\"jeh\"]}");
        Actor me = actor("dich-cho-ro-wb", Role.TRANSLATOR, "crw", "jeh");
        Actor colleague = actor("dich2-cho-ro-wb", Role.TRANSLATOR, "crw");
        Actor reviewer = actor("duyet-cho-ro-wb", Role.REVIEWER, "crw");
        Actor approver = new Actor("phe-duyet-cho-ro-wb", Set.of(Role.APPROVER), Scopes.NONE);
        Actor editor = new Actor("bien-tap-cho-ro-wb", Set.of(Role.EDITOR), Scopes.NONE);
        WebClient web = new WebClient(port);
        web.login("dich-cho-ro-wb", TestUsers.PASSWORD);
        String before = web.get("/translate").body();
        assertThat(before).contains("Việc theo ngôn ngữ", "<th scope=\"row\">Chơ Ro</th>", "<th scope=\"row\">Giẻ Triêng</th>");
        Map<String, Integer> was = work(before, "crw");

        // A leaflet translated and approved: its title and sentence go into the memory; then its source sentence changes.
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String sentence = "Người lao động nghỉ việc vì ốm đau được hưởng trợ cấp từ quỹ bảo hiểm xã hội " + suffix + ".";
        String changed = leaflet(editor, "Chế độ ốm đau " + suffix, sentence);
        translate(me, changed, "crw");
        Variant v = products.readVariant(me, changed, "crw");
        v = products.transition(me, changed, "crw", v.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);
        v = products.transition(reviewer, changed, "crw", v.seqNoPrimaryTerm(), WorkflowAction.REVIEW, "Đúng nghĩa");
        products.transition(approver, changed, "crw", v.seqNoPrimaryTerm(), WorkflowAction.APPROVE, null);
        Variant source = products.readVariant(editor, changed, "vi");
        products.editContent(editor, changed, "vi", source.seqNoPrimaryTerm(), new VariantContent(source.content().title(), null,
                "<p>" + sentence.replace("ốm đau", "thai sản") + "</p>", List.of()), "đổi chế độ");
        // A new leaflet with the same sentence (a 100% match); a colleague has translated its title (to review).
        String fresh = leaflet(editor, "Ngày hội " + UUID.randomUUID(), sentence);
        Workbench wb = segments.open(colleague, fresh, "crw");
        segments.save(colleague, fresh, "crw", wb.version(), List.of(new SegmentService.Edit(wb.segments().getFirst().id(),
                "[Chơ Ro] Ngày hội")), null);
        // A translation the colleague sent for review.
        String sent = leaflet(editor, "Khám sức khỏe định kỳ " + suffix, "Đi khám sức khỏe hằng năm " + suffix + ".");
        translate(colleague, sent, "crw");
        Variant s = products.readVariant(colleague, sent, "crw");
        products.transition(colleague, sent, "crw", s.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);

        Workbench.Progress changedLeft = segments.outline(me, changed, "crw").progress();
        Workbench.Progress freshLeft = segments.outline(me, fresh, "crw").progress();
        int changedWords = changedLeft.words() - changedLeft.wordsDone();
        int freshWords = freshLeft.words() - freshLeft.wordsDone();
        assertThat(changedWords).isEqualTo(sentence.split(" ").length);
        assertThat(freshWords).isEqualTo(sentence.split(" ").length);

        String after = web.get("/translate").body();
        Map<String, Integer> now = work(after, "crw");
        assertThat(delta(was, now)).containsExactlyInAnyOrderEntriesOf(Map.of("toTranslate", 2, "toReview", 1, "outdated", 1,
                "words", changedWords + freshWords, "open", 2, "segmentsToReview", 1,
                // The changed sentence matches its old translation (fuzzy), the new leaflet's sentence exactly.
                "hits", 2, "checked", 2, "exact", 1, "memory", 2));
        assertThat(remaining(after, changed)).isEqualTo("Còn " + changedWords + " từ, 1 đoạn lỗi thời");
        assertThat(remaining(after, fresh)).isEqualTo("Còn " + freshWords + " từ, 0 đoạn lỗi thời");
        assertThat(after).doesNotContain(">crw<", ">jeh<", "đã xét");

        // A translation nobody has started is named by its source's title, not by the product's id.
        String untitled = leaflet(editor, "Tờ gấp chưa dịch " + suffix, "Câu chưa dịch " + suffix + ".");
        String queue = web.get("/translate").body();
        assertThat(queue).contains("(chưa dịch) «Tờ gấp chưa dịch " + suffix + "»").doesNotContain(">(chưa dịch) sản phẩm");
        assertThat(queue.replaceAll("<[^>]+>", " ")).as("the page's visible text").doesNotContain(untitled);
    }

    private static Actor actor(String username, Role role, String... languages) {
        return new Actor(username, Set.of(role), new Scopes(Set.of(), Set.of(), Set.of(languages), null, Set.of()));
    }

    private String leaflet(Actor editor, String title, String sentence) {
        String id = products.createProduct(editor, new ProductInfo(ProductType.LEAFLET, Set.of(), Set.of(), null, Scope.NATIONAL,
                null, null, Set.of(), null, null), new VariantContent(title, null, "<p>" + sentence + "</p>", List.of())).productId();
        products.requestTranslation(editor, id, "crw");
        return id;
    }

    /** Every segment of the translation, written by {@code translator}. */
    private void translate(Actor translator, String id, String language) {
        Workbench wb = segments.open(translator, id, language);
        segments.save(translator, id, language, wb.version(), wb.segments().stream()
                .map(seg -> new SegmentService.Edit(seg.id(), "[Chơ Ro] " + seg.source())).toList(), null);
    }

    /** The numbers in the language's row of the dashboard. */
    private static Map<String, Integer> work(String page, String language) {
        Matcher row = Pattern.compile("<tr id=\"work-" + language + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("row of " + language).isTrue();
        String text = row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        Matcher m = Pattern.compile("(\\d+) bản dịch (\\d+) bản dịch (?:(\\d+) đoạn chờ người thứ hai duyệt )?(\\d+) (\\d+) từ \\((\\d+) đoạn\\)"
                + " (\\d+)/(\\d+) đoạn cần dịch có gợi ý, (\\d+) khớp 100% .*?Bộ nhớ có (\\d+) câu").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        String[] names = {"toTranslate", "toReview", "segmentsToReview", "outdated", "words", "open", "hits", "checked", "exact", "memory"};
        for (int i = 0; i < names.length; i++) {
            numbers.put(names[i], m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1)));
        }
        return numbers;
    }

    private static Map<String, Integer> delta(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> delta = new LinkedHashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.get(name)));
        return delta;
    }

    /** What the queue row of the product's translation says is left. */
    private static String remaining(String page, String productId) {
        Matcher m = Pattern.compile("href=\"/translate/" + productId + "/crw\".*?class=\"remaining\">(.*?)</td>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("queue row of " + productId).isTrue();
        return m.group(1).strip();
    }

    private static String product(ApiClient editor, String body) {
        String created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":"
                + Json.quote("Mức đóng " + UUID.randomUUID()) + ",\"body\":" + Json.quote(body) + "}}").body();
        String id = Json.parse(created).get("productId").asString();
        assertThat(editor.post("/api/v1/products/" + id + "/variants", "{\"language\":\"tyz\"}").statusCode()).isEqualTo(201);
        return id;
    }

    private static String etag(ApiClient client, String path) {
        return client.get(path).headers().firstValue("ETag").orElseThrow();
    }

    private static String segmentId(String page, int index) {
        Matcher m = Pattern.compile("name=\"t:([^\"]+)\"").matcher(page);
        for (int i = 0; i <= index; i++) {
            assertThat(m.find()).isTrue();
        }
        return m.group(1);
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1).replace("&quot;", "\"");
    }
}
