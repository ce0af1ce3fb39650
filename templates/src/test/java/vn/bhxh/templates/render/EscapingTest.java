package vn.bhxh.templates.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.templates.Samples;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.payload.EmailMessage;
import vn.bhxh.templates.payload.FeedCard;
import vn.bhxh.templates.payload.PortalArticle;
import vn.bhxh.templates.payload.PushNotification;
import vn.bhxh.templates.payload.YoutubeVideo;
import vn.bhxh.templates.payload.ZaloArticle;
import vn.bhxh.templates.template.InMemoryTemplateRepository;

/** A hostile title and body must come out as text, never as markup, in every target format. */
class EscapingTest {

    private static final String TITLE = "Cảnh báo <script>alert(\"x\")</script> & 'lừa đảo' \"BHXH\" </title>";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProductRenderer renderer = ProductRenderer.standard(new InMemoryTemplateRepository(), Clock.systemUTC());
    private final RenderInput hostile = Samples.vietnamese().toBuilder()
            .title(TITLE)
            .summary("Tóm tắt \" onmouseover=\"alert(1)")
            .bodyHtml("<p onclick=\"alert(1)\">Nội dung <b>đậm</b></p><script>alert(2)</script>"
                    + "<a href=\"javascript:alert(3)\">bấm</a><img src=\"x\" onerror=\"alert(4)\">")
            .build();

    @Test
    void portalHtmlKeepsTheTitleAsTextAndDropsActiveContent() {
        PortalArticle article = (PortalArticle) renderer.preview(hostile, TemplateChannel.PORTAL).payload();
        Document html = Jsoup.parseBodyFragment(article.html());

        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("h1").text()).isEqualTo(TITLE);
        assertThat(html.select("figure > img").first().attr("alt")).isEqualTo(TITLE);
        assertThat(html.select("p.sapo").text()).isEqualTo("Tóm tắt \" onmouseover=\"alert(1)");
        assertThat(html.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneMatch(attribute -> attribute.getKey().startsWith("on")));
        assertThat(html.select("a[href^=javascript]")).isEmpty();
        assertThat(html.select("div.noi-dung b").text()).isEqualTo("đậm");
    }

    @Test
    void emailHtmlKeepsTheTitleAsTextInTitleAndHeading() {
        EmailMessage email = (EmailMessage) renderer.preview(hostile, TemplateChannel.EMAIL).payload();
        Document html = Jsoup.parse(email.html());

        assertThat(html.title()).isEqualTo(TITLE);
        assertThat(html.select("h1").text()).isEqualTo(TITLE);
        assertThat(html.select("script")).isEmpty();
        assertThat(email.subject()).isEqualTo(TITLE);
    }

    @Test
    void jsonPayloadsParseBackToTheExactTitleAndCannotCloseAScriptElement() {
        String feedItem = ((FeedCard) renderer.preview(hostile, TemplateChannel.VSSID_FEED).payload()).toJsonFeedItem();
        String push = ((PushNotification) renderer.preview(hostile, TemplateChannel.VSSID_PUSH).payload()).toJson();
        String zalo = ((ZaloArticle) renderer.preview(hostile, TemplateChannel.ZALO).payload()).toJson();

        for (String json : new String[] {feedItem, push, zalo}) {
            JsonNode node = JSON.readTree(json);
            assertThat(node.get("title").asString()).isEqualTo(TITLE);
            assertThat(json).doesNotContain("<").doesNotContain(">");
        }
    }

    @Test
    void atomXmlParsesBackToTheExactTitleEvenWithControlCharacters() throws Exception {
        RenderInput withControl = hostile.toBuilder().title(TITLE + "\u0001").build();
        FeedCard card = (FeedCard) renderer.preview(withControl, TemplateChannel.VSSID_FEED).payload();

        String xml = card.toAtomEntry(Instant.parse("2026-05-10T00:00:00Z"));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document entry = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent()).isEqualTo(TITLE);
        assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0).getAttributes()
                .getNamedItem("href").getNodeValue()).isEqualTo(card.url());
    }

    @Test
    void youtubeRefusesAngleBracketsInsteadOfEscapingThem() {
        Preview preview = renderer.preview(hostile, TemplateChannel.YOUTUBE);

        assertThat(preview.publishable()).isFalse();
        assertThat(preview.violations()).anySatisfy(v -> {
            assertThat(v.rule()).isEqualTo("forbidden-character");
            assertThat(v.field()).isEqualTo("title");
        });
        assertThat(JSON.readTree(((YoutubeVideo) preview.payload()).toSnippetJson()).at("/snippet/title").asString()).isEqualTo(TITLE);
    }

    @Test
    void aTitleWithALineBreakCannotAddAnEmailHeader() {
        RenderInput injected = Samples.vietnamese().toBuilder().title("Tin BHXH\r\nBcc: ai-do@example.com").build();

        EmailMessage email = (EmailMessage) renderer.preview(injected, TemplateChannel.EMAIL).payload();

        assertThat(email.subject()).isEqualTo("Tin BHXH Bcc: ai-do@example.com").doesNotContain("\n").doesNotContain("\r");
    }
}
