package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
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
 * A reviewer sends a leaflet back with a comment; when it comes back, the review page shows what changed since they
 * last saw it. A reviewer of another topic does not get it in their queue.
 */
class ReviewChangesBrowserTest extends BrowserTest {

    @Autowired
    ProductService products;

    @Test
    void theReviewerSeesWhatChangedSinceTheyLastSawIt() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String reviewer = WebUsers.ensure(accounts, passwords, "ban-thu-" + suffix, "Ban Thu", Set.of(Role.REVIEWER),
                new Scopes(Set.of("VOLUNTARY_SI"), Set.of(), Set.of(), null, Set.of()));
        String otherReviewer = WebUsers.ensure(accounts, passwords, "ban-csyt-" + suffix, "Ban CSYT", Set.of(Role.REVIEWER),
                new Scopes(Set.of("STUDENT_HI"), Set.of(), Set.of(), null, Set.of()));
        Actor editor = new Actor("bien-tap-rv-" + suffix, Set.of(Role.EDITOR), Scopes.NONE);
        String title = "Những thiệt thòi khi nhận BHXH một lần " + suffix;
        Variant created = products.createProduct(editor, new ProductInfo(ProductType.FOLDED_LEAFLET, Set.of("VOLUNTARY_SI"),
                Set.of(), null, Scope.NATIONAL, null, null, Set.of(), null, null),
                new VariantContent(title, "Mất quyền hưởng lương hưu.", "<p>Bản cũ.</p>", List.of()));
        String id = created.productId();
        Variant draft = products.readVariant(editor, id, "vi");
        products.transition(editor, id, "vi", draft.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);

        login(otherReviewer);
        open("/review");
        assertThat(driver.findElement(By.id("queue-review")).getText()).doesNotContain(title);

        login(reviewer);
        open("/review");
        driver.findElement(By.linkText(title)).click();
        waitFor(By.id("changes-since"));
        driver.findElement(By.id("workflow-comment")).sendKeys("Cần nêu rõ mức hưởng.");
        driver.findElement(By.id("action-REJECT")).click();
        waitUntilText(By.id("variant-state"), "Bản nháp");

        // The editor changes the text and submits again.
        Variant back = products.readVariant(editor, id, "vi");
        Variant edited = products.editContent(editor, id, "vi", back.seqNoPrimaryTerm(), new VariantContent(title,
                "Mất quyền hưởng lương hưu và thẻ BHYT.", "<p>Bản mới.</p>", List.of()), "theo ý kiến thẩm định");
        products.transition(editor, id, "vi", edited.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);

        open("/review/" + id + "/vi");
        String changes = waitFor(By.id("changes-since")).getText();
        assertThat(changes).contains("Thay đổi từ phiên bản 1 (lần bạn xem trước) đến phiên bản 2");
        assertThat(driver.findElements(By.cssSelector("#changes-since del")).stream().map(e -> e.getText()).toList())
                .contains("Mất quyền hưởng lương hưu.", "Bản cũ.");
        assertThat(driver.findElements(By.cssSelector("#changes-since ins")).stream().map(e -> e.getText()).toList())
                .contains("Mất quyền hưởng lương hưu và thẻ BHYT.", "Bản mới.");
        screenshot("15-review-changes-since");

        // Seen now: opening it again says nothing changed.
        open("/review/" + id + "/vi");
        assertThat(waitFor(By.id("unchanged")).getText()).contains("Không có gì thay đổi");
    }
}
