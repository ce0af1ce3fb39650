package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.product.ProductBatch;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;

/**
 * The product list as an editor uses it in Chromium: search, filters, sort and pages of at most 50 rows, each row
 * named by a title (a translation not written yet by its source's title) and by names, never codes.
 */
class ProductListBrowserTest extends BrowserTest {

    private static final int PRODUCTS = 53;

    @Autowired
    ProductService products;

    @Test
    void searchFiltersAndPagesNameEveryRowByItsTitleInWords() throws Exception {
        String marker = "Danhsach" + Long.toString(System.nanoTime(), 36);
        Actor editor = new Actor("bt-danh-sach", Set.of(Role.EDITOR), Scopes.NONE);
        ProductBatch batch = products.batch();
        String translated = null;
        for (int i = 1; i <= PRODUCTS; i++) {
            String productId = "bt-danh-sach-" + marker + "-" + i;
            batch.create(editor, productId, new ProductInfo(i % 2 == 0 ? ProductType.LEAFLET : ProductType.POSTER,
                    Set.of(), Set.of(), null, Scope.NATIONAL, null, null, Set.of(), null, null),
                    new VariantContent(marker + " tờ rơi số " + i, "Tóm tắt " + i, "<p>Nội dung " + i + "</p>", List.of()));
            if (i == PRODUCTS) {
                batch.requestTranslation(editor, productId, "tyz");
                translated = marker + " tờ rơi số " + i;
            }
        }
        assertThat(batch.write()).isEqualTo(PRODUCTS);

        login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        open("/products");
        driver.findElement(By.id("q")).sendKeys(marker);
        driver.findElement(By.cssSelector("#product-filters button[type=submit]")).click();
        waitUntilText(By.id("list-summary"), "53");
        assertThat(driver.findElement(By.id("list-summary")).getText()).isEqualTo("53 mục · trang 1/2");
        List<WebElement> rows = driver.findElements(By.cssSelector("#product-list tbody tr"));
        assertThat(rows).hasSize(50);
        assertThat(rows).allSatisfy(row -> assertThat(row.findElement(By.className("product-link")).getText()).startsWith(marker));
        screenshot("product-list");

        driver.findElement(By.cssSelector(".pager a:last-child")).click();
        waitUntilText(By.id("list-summary"), "trang 2/2");
        assertThat(driver.findElements(By.cssSelector("#product-list tbody tr"))).hasSize(3);

        // Narrowed by type: only the 26 leaflets (even numbers), sorted oldest first so "số 2" comes first.
        new Select(driver.findElement(By.id("type"))).selectByVisibleText("Tờ rơi");
        new Select(driver.findElement(By.id("sort"))).selectByVisibleText("Cũ nhất");
        driver.findElement(By.cssSelector("#product-filters button[type=submit]")).click();
        waitUntilText(By.id("list-summary"), "26 mục");
        List<WebElement> leaflets = driver.findElements(By.cssSelector("#product-list tbody tr"));
        assertThat(leaflets).hasSize(26);
        assertThat(leaflets.getFirst().getText()).contains(marker + " tờ rơi số 2").contains("Tờ rơi").contains("Tiếng Việt");

        // The translation requested into Tày has no title yet: it is named by its source and its language by name.
        open("/products?language=tyz&sort=newest");
        WebElement first = driver.findElement(By.cssSelector("#product-list tbody tr"));
        assertThat(first.getText()).contains(translated).contains("(chưa dịch)").contains("Tày").contains("Bản nháp");
        // Other tests' products share the node (some carry ids in their titles), so the id check looks at this row.
        assertThat(first.getText()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(pageText()).doesNotContain("tyz").doesNotContain("DRAFT").doesNotContain("(chưa có tiêu đề)");
        assertThat(new Select(driver.findElement(By.id("language"))).getFirstSelectedOption().getText()).isEqualTo("Tày");

        // A page number beyond the end shows the last page rather than nothing.
        open("/products?q=" + marker + "&page=99");
        assertThat(driver.findElement(By.id("list-summary")).getText()).isEqualTo("53 mục · trang 2/2");
    }
}
