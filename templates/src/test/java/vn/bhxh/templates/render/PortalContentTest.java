package vn.bhxh.templates.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.bhxh.templates.Samples;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.payload.PortalArticle;
import vn.bhxh.templates.template.InMemoryTemplateRepository;

/** The article body WordPress gets: the CMS shows the title and excerpt, so the body must not repeat them. */
class PortalContentTest {

    private final ProductRenderer renderer = ProductRenderer.standard(new InMemoryTemplateRepository(), Clock.systemUTC());

    @Test
    void theContentHasNoTitleTheSummaryOnceAndTheAuthorByName() {
        RenderInput input = Samples.vietnamese().toBuilder()
                .summary("Đóng BHXH tự nguyện để có lương hưu.")
                .message("Đóng BHXH tự nguyện để có lương hưu.")
                .author("Ban Tuyên truyền")
                .build();

        PortalArticle article = (PortalArticle) renderer.preview(input, TemplateChannel.PORTAL).payload();
        Document content = Jsoup.parseBodyFragment(article.content());

        assertThat(content.select("h1")).isEmpty();
        assertThat(content.text()).doesNotContain(input.title());
        assertThat(content.text().split("Đóng BHXH tự nguyện để có lương hưu\\.", -1)).hasSize(2);
        assertThat(content.select("strong").text()).doesNotContain("lương hưu");
        assertThat(content.select("p.tac-gia").text()).isEqualTo("Ban Tuyên truyền");
        assertThat(Jsoup.parseBodyFragment(article.html()).select("h1").text()).isEqualTo(input.title());
    }
}
