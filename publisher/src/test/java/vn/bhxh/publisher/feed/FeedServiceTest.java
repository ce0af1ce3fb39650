package vn.bhxh.publisher.feed;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.job.Json;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class FeedServiceTest {

    private static final Instant T = Instant.parse("2026-05-10T01:00:00Z");
    private final List<FeedItem> items = new ArrayList<>(List.of(
            item("leaflet-vi", "vi", Set.of("3.1"), "Vì sao không nên nhận BHXH một lần", T),
            item("student-vi", "vi", Set.of("4"), "BHYT học sinh, sinh viên <năm học mới> & quyền lợi", T.plusSeconds(60)),
            item("general-vi", "vi", Set.of(), "Cài đặt ứng dụng VssID", T.plusSeconds(120)),
            item("leaflet-hmn", "hmn", Set.of("3.1"), "Vim li cas tsis txhob txais BHXH ib zaug", T.plusSeconds(30))));
    private final FeedService feeds = new FeedService(() -> List.copyOf(items),
            FeedSettings.defaults("https://cms.bhxh.example/api/feeds"), Clock.fixed(T, ZoneOffset.UTC));

    private static FeedItem item(String id, String language, Set<String> audiences, String title, Instant updated) {
        return new FeedItem(id, language, audiences, title, "<p>" + title + "</p>", "Tóm tắt", "https://baohiemxahoi.gov.vn/" + id,
                "https://cdn.example/" + id + ".jpg", updated.minusSeconds(5), updated);
    }

    private FeedResponse get(String language, String audience, FeedFormat format, String ifNoneMatch, String ifModifiedSince) {
        return feeds.answer(new FeedRequest(language, audience, format, null, ifNoneMatch, ifModifiedSince));
    }

    @Test
    void aJsonFeedHoldsTheLanguagesItemsForTheAudienceNewestFirstWithTheRequiredFields() throws Exception {
        feeds.refresh();

        FeedResponse response = get("vi", "3.1", FeedFormat.JSON_FEED, null, null);

        JsonNode feed = Json.mapper().readTree(response.body());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/feed+json");
        assertThat(feed.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asString()).contains("VssID");
        assertThat(feed.path("language").asString()).isEqualTo("vi");
        assertThat(feed.findValuesAsString("id")).containsExactly("general-vi", "leaflet-vi");
        assertThat(feed.path("items").get(1).path("content_html").asString()).isEqualTo("<p>Vì sao không nên nhận BHXH một lần</p>");
        assertThat(feed.path("items").get(1).path("date_modified").asString()).isEqualTo("2026-05-10T01:00:00Z");
    }

    @Test
    void anAtomFeedIsWellFormedXmlWithEscapedMarkupAndTheRequiredElements() throws Exception {
        feeds.refresh();

        FeedResponse response = get("vi", "4", FeedFormat.ATOM, null, null);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document atom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        assertThat(response.contentType()).startsWith("application/atom+xml");
        assertThat(atom.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(atom.getElementsByTagName("entry").getLength()).isEqualTo(2);
        assertThat(atom.getElementsByTagName("author").getLength()).isEqualTo(1);
        assertThat(atom.getElementsByTagName("title").item(1).getTextContent())
                .isEqualTo("Cài đặt ứng dụng VssID");
        assertThat(atom.getElementsByTagName("title").item(2).getTextContent())
                .isEqualTo("BHYT học sinh, sinh viên <năm học mới> & quyền lợi");
        assertThat(atom.getElementsByTagName("updated").item(0).getTextContent()).isEqualTo("2026-05-10T01:02:00Z");
    }

    @Test
    void aMatchingIfNoneMatchGets304WithTheSameValidatorsAndCacheHeadersAndNoBody() {
        feeds.refresh();
        FeedResponse full = get("vi", null, FeedFormat.JSON_FEED, null, null);

        FeedResponse strong = get("vi", null, FeedFormat.JSON_FEED, full.etag(), null);
        FeedResponse weak = get("vi", null, FeedFormat.JSON_FEED, "\"other\", W/" + full.etag(), null);
        FeedResponse otherFormat = get("vi", null, FeedFormat.ATOM, full.etag(), null);

        assertThat(full.etag()).matches("\"[A-Za-z0-9_-]{27}\"");
        assertThat(full.cacheControl()).isEqualTo("public, max-age=60, stale-while-revalidate=300");
        assertThat(full.lastModified()).isEqualTo("Sun, 10 May 2026 01:02:00 GMT");
        assertThat(strong.status()).isEqualTo(304);
        assertThat(strong.body()).isNull();
        assertThat(strong.etag()).isEqualTo(full.etag());
        assertThat(strong.lastModified()).isEqualTo(full.lastModified());
        assertThat(strong.cacheControl()).isEqualTo(full.cacheControl());
        assertThat(weak.status()).isEqualTo(304);
        assertThat(otherFormat.status()).isEqualTo(200);
    }

    @Test
    void aNewItemChangesTheETagAndAnOldETagGetsTheNewFeed() throws Exception {
        feeds.refresh();
        FeedResponse before = get("vi", null, FeedFormat.JSON_FEED, null, null);
        items.add(item("may-campaign-vi", "vi", Set.of(), "Tháng vận động BHXH toàn dân", T.plusSeconds(600)));

        boolean changed = feeds.refresh();
        FeedResponse after = get("vi", null, FeedFormat.JSON_FEED, before.etag(), null);
        boolean unchanged = feeds.refresh();

        assertThat(changed).isTrue();
        assertThat(unchanged).isFalse();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(Json.mapper().readTree(after.body()).path("items").get(0).path("id").asString()).isEqualTo("may-campaign-vi");
        assertThat(get("hmn", null, FeedFormat.JSON_FEED, null, null).etag()).isNotEqualTo(after.etag());
    }

    @Test
    void ifModifiedSinceAnswers304OnlyWithoutIfNoneMatch() {
        feeds.refresh();

        FeedResponse sameTime = get("vi", null, FeedFormat.JSON_FEED, null, "Sun, 10 May 2026 01:02:00 GMT");
        FeedResponse older = get("vi", null, FeedFormat.JSON_FEED, null, "Sun, 10 May 2026 01:01:59 GMT");
        FeedResponse etagWins = get("vi", null, FeedFormat.JSON_FEED, "\"stale\"", "Sun, 10 May 2026 01:02:00 GMT");

        assertThat(sameTime.status()).isEqualTo(304);
        assertThat(older.status()).isEqualTo(200);
        assertThat(etagWins.status()).isEqualTo(200);
    }

    @Test
    void theSinceCursorReturnsOnlyItemsChangedAfterIt() throws Exception {
        feeds.refresh();

        FeedResponse response = feeds.answer(new FeedRequest("vi", null, FeedFormat.JSON_FEED, T.plusSeconds(60), null, null));

        assertThat(Json.mapper().readTree(response.body()).findValuesAsString("id")).containsExactly("general-vi");
    }
}
