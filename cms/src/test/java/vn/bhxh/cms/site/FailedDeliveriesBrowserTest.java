package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.distribution.JobView;
import vn.bhxh.cms.distribution.ScheduleCommand;
import vn.bhxh.cms.distribution.ScheduleService;
import vn.bhxh.cms.distribution.TargetCommand;
import vn.bhxh.cms.distribution.TargetService;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.job.JobState;

/**
 * A portal that refuses the post (HTTP 400, a permanent failure): the delivery shows on the editor's dashboard under
 * failed deliveries with its reason, and the retry and cancel buttons work through the scheduling service.
 */
class FailedDeliveriesBrowserTest extends BrowserTest {

    @Autowired
    ProductService products;

    @Autowired
    TargetService targets;

    @Autowired
    ScheduleService schedules;

    @Test
    void aRefusedPostIsListedAndCanBeRetriedAndCancelled() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/", exchange -> {
            posts.incrementAndGet();
            byte[] body = "{\"error\":\"thiếu chuyên mục\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        portal.start();
        try {
            String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
            Actor admin = new Actor("admin", Set.of(Role.ADMIN), Scopes.NONE);
            // Two portals that both refuse: one delivery is retried, the other cancelled.
            String retried = "cong-tinh-" + suffix;
            String cancelled = "cong-huyen-" + suffix;
            for (String targetId : List.of(retried, cancelled)) {
                targets.create(admin, new TargetCommand(targetId, WebhookChannel.CHANNEL, "Cổng TTĐT " + targetId,
                        "http://127.0.0.1:" + portal.getAddress().getPort() + "/bai-viet", null, Map.of("secret", "bi-mat-" + suffix),
                        null, List.of(), null));
            }

            String editorName = WebUsers.ensure(accounts, passwords, "bt-gui-" + suffix, "Biên tập gửi bài", Set.of(Role.EDITOR),
                    Scopes.NONE);
            Actor editor = new Actor(editorName, Set.of(Role.EDITOR), Scopes.NONE);
            Actor reviewer = new Actor("td-gui-" + suffix, Set.of(Role.REVIEWER), Scopes.NONE);
            Actor approver = new Actor("ld-gui-" + suffix, Set.of(Role.APPROVER), Scopes.NONE);
            String title = "Tin bài tháng BHXH toàn dân " + suffix;
            Variant v = products.createProduct(editor, new ProductInfo(ProductType.ARTICLE, Set.of(), Set.of(), null, Scope.NATIONAL,
                    null, null, Set.of(), null, null), new VariantContent(title, "Tóm tắt tin bài.", "<p>Nội dung.</p>", List.of()));
            String id = v.productId();
            v = products.transition(editor, id, "vi", v.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);
            v = products.transition(reviewer, id, "vi", v.seqNoPrimaryTerm(), WorkflowAction.REVIEW, null);
            products.transition(approver, id, "vi", v.seqNoPrimaryTerm(), WorkflowAction.APPROVE, null);
            List<JobView> jobs = schedules.schedule(editor, new ScheduleCommand(id, "vi", List.of(retried, cancelled),
                    LocalDateTime.now(WebFormats.VIETNAM), null, null, null));
            Await.until(() -> schedules.failed(editor).stream().filter(j -> j.productId().equals(id)).count() == 2,
                    Duration.ofSeconds(60), "both refused posts are failed deliveries");
            assertThat(posts.get()).isGreaterThanOrEqualTo(2);
            String retriedJob = jobs.stream().filter(j -> j.targetId().equals(retried)).findFirst().orElseThrow().id();
            String cancelledJob = jobs.stream().filter(j -> j.targetId().equals(cancelled)).findFirst().orElseThrow().id();

            login(editorName);
            WebElement row = failedRow(title, retried);
            assertThat(row.getText()).contains("HTTP 400");
            screenshot("16-failed-deliveries");
            Instant beforeRetry = Instant.now();
            row.findElement(By.xpath(".//button[normalize-space()='Gửi lại']")).click();
            assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("Đã đưa lượt gửi vào hàng chờ gửi lại");
            // The retry took: the job is queued again (or already being sent, or refused once more since the click).
            JobView afterRetry = schedules.job(editor, retriedJob);
            assertThat(afterRetry.state() != JobState.FAILED || afterRetry.updatedAt().isAfter(beforeRetry)).isTrue();

            failedRow(title, cancelled).findElement(By.xpath(".//button[normalize-space()='Hủy lượt gửi']")).click();
            assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("Đã hủy lượt gửi");
            assertThat(schedules.job(editor, cancelledJob).state()).isEqualTo(JobState.CANCELLED);
            // The job store is searched after its next refresh: the cancelled job leaves the list within moments.
            Await.until(() -> {
                open("/");
                return !driver.findElement(By.id("failed-deliveries")).getText().contains("Cổng TTĐT " + cancelled);
            }, Duration.ofSeconds(10), "the cancelled delivery leaves the failed list");
        } finally {
            portal.stop(0);
        }
    }

    private WebElement failedRow(String title, String targetId) {
        open("/");
        return waitFor(By.id("failed-deliveries")).findElements(By.cssSelector("tbody tr")).stream()
                .filter(tr -> tr.getText().contains(title) && tr.getText().contains("Cổng TTĐT " + targetId)).findFirst().orElseThrow();
    }
}
