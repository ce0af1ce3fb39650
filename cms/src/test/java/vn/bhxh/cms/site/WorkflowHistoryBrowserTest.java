package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.workflow.WorkflowAction;

/**
 * A leaflet is submitted, reviewed and rejected: its author finds the reason on the dashboard and at the top of the
 * draft, and the variant page lists every step with people's names, comments and Vietnam times; the API gives the same
 * history. The author then chooses on their profile how e-mail reaches them, with mistakes shown at the field.
 */
class WorkflowHistoryBrowserTest extends BrowserTest {

    private static final String TIME = "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}";

    @Autowired
    ProductService products;

    @Test
    void theAuthorSeesWhoDidWhatAndWhyItCameBack() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String editorName = WebUsers.ensure(accounts, passwords, "bt-ls-" + suffix, "Nguyễn Thị Biên Tập", Set.of(Role.EDITOR),
                Scopes.NONE);
        String reviewerName = WebUsers.ensure(accounts, passwords, "td-ls-" + suffix, "Trần Văn Thẩm Định", Set.of(Role.REVIEWER),
                Scopes.NONE);
        String approverName = WebUsers.ensure(accounts, passwords, "ld-ls-" + suffix, "Lê Thị Lãnh Đạo", Set.of(Role.APPROVER),
                Scopes.NONE);
        Actor editor = new Actor(editorName, Set.of(Role.EDITOR), Scopes.NONE);
        Actor reviewer = new Actor(reviewerName, Set.of(Role.REVIEWER), Scopes.NONE);
        Actor approver = new Actor(approverName, Set.of(Role.APPROVER), Scopes.NONE);
        String title = "Mức đóng BHXH tự nguyện năm 2026 " + suffix;
        Variant created = products.createProduct(editor, new ProductInfo(ProductType.LEAFLET, Set.of("VOLUNTARY_SI"),
                Set.of(), null, Scope.NATIONAL, null, null, Set.of(), null, null),
                new VariantContent(title, "Mức đóng thấp nhất.", "<p>Nội dung.</p>", List.of()));
        String id = created.productId();
        step(editor, id, WorkflowAction.SUBMIT, null);
        step(reviewer, id, WorkflowAction.REVIEW, "Số liệu khớp Nghị quyết.");
        step(approver, id, WorkflowAction.REJECT, "Thiếu mức hỗ trợ của Nhà nước cho hộ nghèo.");

        // The dashboard says what came back, from whom, when and why.
        login(editorName);
        open("/");
        WebElement rejected = waitFor(By.id("rejected-drafts"));
        assertThat(rejected.getText()).contains(title).contains("Bị Lê Thị Lãnh Đạo từ chối lúc")
                .contains("Thiếu mức hỗ trợ của Nhà nước cho hộ nghèo.").containsPattern(TIME).doesNotContain(approverName);
        screenshot("history-1-dashboard-rejected");

        // The draft says it at the top, and the history lists every step, newest first, by name.
        rejected.findElement(By.linkText(title)).click();
        WebElement banner = waitFor(By.id("rejection"));
        assertThat(banner.getText()).containsPattern("Bị Lê Thị Lãnh Đạo từ chối lúc " + TIME + "\\. Lý do:");
        assertThat(driver.findElement(By.id("rejection-reason")).getText()).isEqualTo("Thiếu mức hỗ trợ của Nhà nước cho hộ nghèo.");
        List<WebElement> rows = driver.findElements(By.cssSelector("#history-table tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(cells(rows.get(0))).containsExactly(cells(rows.get(0)).getFirst(), "Từ chối", "Lê Thị Lãnh Đạo",
                "Thiếu mức hỗ trợ của Nhà nước cho hộ nghèo.", "1");
        assertThat(cells(rows.get(1))).containsSequence("Thẩm định đạt", "Trần Văn Thẩm Định", "Số liệu khớp Nghị quyết.");
        assertThat(cells(rows.get(2))).containsSequence("Trình thẩm định", "Nguyễn Thị Biên Tập", "");
        for (WebElement row : rows) {
            assertThat(cells(row).getFirst()).matches(TIME);
        }
        assertThat(driver.findElement(By.id("history")).getText()).doesNotContain(editorName).doesNotContain(reviewerName)
                .doesNotContain(approverName);
        screenshot("history-2-variant-rejected");

        // In English the same page names the steps in English.
        open("/products/" + id + "/variants/vi?lang=en");
        assertThat(waitFor(By.id("rejection")).getText()).containsPattern("Rejected by Lê Thị Lãnh Đạo on " + TIME + "\\. Reason:");
        assertThat(driver.findElement(By.id("history-table")).getText()).contains("Submitted for review", "Reviewed", "Rejected");
        open("/?lang=vi");

        // The API gives the same history.
        JsonNode history = Json.parse(new ApiClient(port, editorName, WebUsers.PASSWORD)
                .get("/api/v1/products/" + id + "/variants/vi/history").body());
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).get("action").asString()).isEqualTo("REJECT");
        assertThat(history.get(0).get("actor").asString()).isEqualTo(approverName);
        assertThat(history.get(0).get("actorName").asString()).isEqualTo("Lê Thị Lãnh Đạo");
        assertThat(history.get(0).get("comment").asString()).isEqualTo("Thiếu mức hỗ trợ của Nhà nước cho hộ nghèo.");
        assertThat(history.get(1).get("actorName").asString()).isEqualTo("Trần Văn Thẩm Định");
        assertThat(history.get(2).get("action").asString()).isEqualTo("SUBMIT");

        // Submitted again: no longer a rejected draft, on the page or the dashboard.
        step(editor, id, WorkflowAction.SUBMIT, null);
        open("/products/" + id + "/variants/vi");
        waitFor(By.id("history-table"));
        assertThat(driver.findElements(By.id("rejection"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#history-table tbody tr"))).hasSize(4);
        open("/");
        waitFor(By.id("current-user"));
        assertThat(pageText()).doesNotContain("Thiếu mức hỗ trợ của Nhà nước cho hộ nghèo.");

        // The profile: e-mail settings, refused with the reason at the field, nothing typed lost; then saved.
        driver.findElement(By.id("profile-link")).click();
        WebElement email = waitFor(By.id("email"));
        email.sendKeys("nguyen.bien-tap@bhxh");
        driver.findElement(By.id("frequency-DAILY_DIGEST")).click();
        driver.findElement(By.id("save-notifications")).click();
        assertThat(waitFor(By.id("email-error")).getText()).contains("Trường \"email\"").contains("không đúng dạng địa chỉ e-mail");
        assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("nguyen.bien-tap@bhxh");
        assertThat(driver.findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("frequency-DAILY_DIGEST")).isSelected()).isTrue();
        screenshot("history-3-profile-error");
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys("nguyen.bien-tap@baohiemxahoi.gov.vn");
        driver.findElement(By.id("save-notifications")).click();
        waitUntilText(By.cssSelector(".flash"), "Đã lưu cách nhận thông báo.");
        assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("nguyen.bien-tap@baohiemxahoi.gov.vn");
        assertThat(driver.findElement(By.id("frequency-DAILY_DIGEST")).isSelected()).isTrue();
        screenshot("history-4-profile-saved");
        JsonNode settings = Json.parse(new ApiClient(port, editorName, WebUsers.PASSWORD).get("/api/v1/me/notifications").body());
        assertThat(settings.get("email").asString()).isEqualTo("nguyen.bien-tap@baohiemxahoi.gov.vn");
        assertThat(settings.get("frequency").asString()).isEqualTo("DAILY_DIGEST");
    }

    private void step(Actor actor, String id, WorkflowAction action, String comment) {
        Variant current = products.readVariant(actor, id, "vi");
        products.transition(actor, id, "vi", current.seqNoPrimaryTerm(), action, comment);
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
