package vn.bhxh.cms.site;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.distribution.TargetCommand;
import vn.bhxh.cms.distribution.TargetService;
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
import vn.bhxh.cms.security.UserAccountStore;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.publisher.feed.AppFeedChannel;
import static org.assertj.core.api.Assertions.assertThat;


/** The schedule dialog refuses bad input with readable sentences and keeps what was typed; nothing is scheduled then. */
@CmsIntegrationTest
class SchedulePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    ProductService products;

    @Autowired
    TargetService targets;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    UserAccountStore accounts;

    @Test
    void badScheduleInputIsExplainedAndKept() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String editorName = WebUsers.ensure(accounts, passwords, "bt-lich-" + suffix, "Biên tập lịch", Set.of(Role.EDITOR), Scopes.NONE);
        Actor editor = new Actor(editorName, Set.of(Role.EDITOR), Scopes.NONE);
        String target = "vssid-lich-" + suffix;
        targets.create(new Actor("admin", Set.of(Role.ADMIN), Scopes.NONE), new TargetCommand(target, AppFeedChannel.CHANNEL,
                "VssID " + suffix, null, null, null, null, List.of(), null));
        Variant v = products.createProduct(editor, new ProductInfo(ProductType.SLOGAN, Set.of(), Set.of(), null, Scope.NATIONAL,
                null, null, Set.of(), null, null), new VariantContent("Tham gia BHXH tự nguyện để hưởng lương hưu " + suffix,
                null, null, List.of()));
        String id = v.productId();
        v = products.transition(editor, id, "vi", v.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);
        v = products.transition(new Actor("td-" + suffix, Set.of(Role.REVIEWER), Scopes.NONE), id, "vi", v.seqNoPrimaryTerm(),
                WorkflowAction.REVIEW, null);
        products.transition(new Actor("ld-" + suffix, Set.of(Role.APPROVER), Scopes.NONE), id, "vi", v.seqNoPrimaryTerm(),
                WorkflowAction.APPROVE, null);

        WebClient client = new WebClient(port);
        client.login(editorName, WebUsers.PASSWORD);
        String dialog = "/products/" + id + "/variants/vi/schedule";
        LocalDateTime tomorrow = LocalDateTime.now(WebFormats.VIETNAM).plusDays(1).truncatedTo(ChronoUnit.MINUTES);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("targets", target);
        form.put("publishAt", tomorrow.toString());
        form.put("unpublishAt", tomorrow.minusHours(2).toString());
        form.put("releaseId", "thang-5-" + suffix);
        HttpResponse<String> backwards = client.submit(dialog, dialog, form);
        assertThat(backwards.statusCode()).isEqualTo(200);
        assertThat(backwards.body()).contains("id=\"unpublishAt-error\"", "Thời điểm gỡ bài phải sau thời điểm đăng.", "value=\"thang-5-" + suffix + "\"")
                .doesNotContain("Exception");

        form.remove("targets");
        form.put("unpublishAt", "");
        HttpResponse<String> noTarget = client.submit(dialog, dialog, form);
        assertThat(noTarget.body()).contains("Hãy chọn ít nhất một nơi phát hành.");

        form.put("targets", target);
        form.put("publishAt", "ngay-mai");
        HttpResponse<String> unreadable = client.submit(dialog, dialog, form);
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(unreadable.body()).contains("Thời điểm không hợp lệ", "value=\"ngay-mai\"");

        form.put("publishAt", tomorrow.toString());
        HttpResponse<String> scheduled = client.submit(dialog, dialog, form);
        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(client.get(scheduled.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")).body())
                .contains("Đã lập lịch 1 lượt phát hành");
    }
}
