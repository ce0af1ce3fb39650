package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
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

/**
 * Every main page, as an administrator over real HTTP, in both languages: it renders (200), in the chosen language,
 * with no message key left unresolved and no inline script.
 */
@CmsIntegrationTest
class WebPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    ProductService products;

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void everyMainPageRendersInTheChosenLanguage(String language) {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        Actor editor = new Actor("bt-trang-" + language, Set.of(Role.EDITOR), Scopes.NONE);
        Variant v = products.createProduct(editor, new ProductInfo(ProductType.POSTER, Set.of(), Set.of(), null, Scope.NATIONAL,
                null, null, Set.of(), null, null), new VariantContent("Áp phích BHYT hộ gia đình", "Tóm tắt", "<p>Nội dung</p>",
                List.of()));
        String variant = "/products/" + v.productId() + "/variants/vi";
        WebClient admin = new WebClient(port);
        assertThat(admin.login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        admin.get("/?lang=" + language);
        for (String page : List.of("/", "/products", "/products/new", variant, variant + "/edit", variant + "/compare",
                variant + "/previews", variant + "/schedule", "/review", "/review/" + v.productId() + "/vi", "/translate",
                "/catalogue", "/catalogue?q=ap+phich", "/catalogue/" + v.productId() + "/vi", "/downloads", "/admin/users",
                "/admin/users/new", "/admin/users/admin", "/admin/templates", "/admin/templates/vi/facebook/message",
                "/admin/targets", "/admin/targets/new", "/admin/audit")) {
            HttpResponse<String> answer = admin.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.body()).as(page).contains("<html lang=\"" + language + "\"").doesNotContain("??")
                    .doesNotContain("<script>").doesNotContainPattern(" on[a-z]+=\"");
        }
        HttpResponse<String> print = admin.get(variant + "/previews/print.pdf");
        assertThat(print.statusCode()).isEqualTo(200);
        assertThat(print.body()).startsWith("%PDF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void channelsAreShownByTheNamesPeopleKnowNotByTheirCodes(String language) {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        WebClient admin = new WebClient(port);
        assertThat(admin.login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        admin.get("/?lang=" + language);
        boolean english = "en".equals(language);
        // Its own app feed target, so the list has one to name whatever ran before.
        assertThat(new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD).post("/api/v1/targets",
                "{\"id\":\"bt-ten-kenh-" + language + "-" + System.nanoTime() + "\",\"channel\":\"APP_FEED\",\"name\":\"Bảng tin thử\"}")
                .statusCode()).isEqualTo(201);

        String list = admin.get("/admin/targets").body();
        assertThat(list).contains(english ? "VssID app feed" : "Bảng tin ứng dụng VssID").doesNotContain(">APP_FEED<");
        String form = admin.get("/admin/targets/new").body();
        assertThat(form).contains("value=\"FACEBOOK\"").contains(english ? ">Facebook Page<" : ">Trang Facebook<")
                .contains(english ? ">Zalo Official Account<" : ">Zalo OA<").doesNotContain(">FACEBOOK<");
        Variant v = products.createProduct(new Actor("bt-kenh-" + language, Set.of(Role.EDITOR), Scopes.NONE),
                new ProductInfo(ProductType.POSTER, Set.of(), Set.of(), null, Scope.NATIONAL, null, null, Set.of(), null, null),
                new VariantContent("Áp phích kênh đăng", "Tóm tắt", "<p>Nội dung</p>", List.of()));
        String schedule = admin.get("/products/" + v.productId() + "/variants/vi/schedule").body();
        assertThat(schedule).contains(english ? "(VssID app feed" : "(Bảng tin ứng dụng VssID").doesNotContain("(APP_FEED");
    }
}
