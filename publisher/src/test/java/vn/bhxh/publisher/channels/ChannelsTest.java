package vn.bhxh.publisher.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.publisher.connector.facebook.FacebookChannel;
import vn.bhxh.publisher.connector.webhook.PortalArticle;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.connector.wordpress.WordPressChannel;
import vn.bhxh.publisher.connector.youtube.YouTubeChannel;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ChannelDescriptor.ConnectorContext;
import vn.bhxh.publisher.delivery.ChannelDescriptor.TargetField;
import vn.bhxh.publisher.delivery.ChannelPlugin;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.feed.AppFeedChannel;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;

/** The registry: one plug-in per channel, and what the cms reads from it instead of per-channel code. */
class ChannelsTest {

    @Test
    void everyListedPlugInIsFoundOnceWithTheNamePeopleKnowIt() {
        assertThat(Channels.all()).extracting(descriptor -> descriptor.channel().id())
                .containsExactly("WEBHOOK", "WORDPRESS", "FACEBOOK", "ZALO", "YOUTUBE", "APP_FEED");
        Channels.all().forEach(descriptor -> assertThat(Channels.of(descriptor.channel())).isSameAs(descriptor));
        assertThat(Channels.of(FacebookChannel.CHANNEL).displayName("vi")).isEqualTo("Trang Facebook");
        assertThat(Channels.of(FacebookChannel.CHANNEL).displayName("en")).isEqualTo("Facebook Page");
        assertThat(Channels.find(new Channel("TIKTOK"))).isEmpty();
        assertThatThrownBy(() -> Channels.of(new Channel("TIKTOK"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChannelShippedInItsOwnJarIsFoundWithoutChangingAnythingElse(@TempDir Path jar) throws IOException {
        offer(jar, TestOnlyChannel.class);
        try (URLClassLoader withPlugIn = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            List<ChannelDescriptor> found = Channels.load(withPlugIn);

            assertThat(found).extracting(descriptor -> descriptor.channel().id()).contains("WEBHOOK", "APP_FEED", "TEST_ONLY");
            assertThat(found).hasSize(Channels.all().size() + 1);
        }
    }

    @Test
    void twoPlugInsClaimingOneChannelStopTheStartInsteadOfPickingOne(@TempDir Path jar) throws IOException {
        offer(jar, SecondFacebookChannel.class);
        try (URLClassLoader twice = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> Channels.load(twice)).isInstanceOf(IllegalStateException.class).hasMessageContaining("FACEBOOK");
        }
    }

    @Test
    void aPlugInsChannelIdIsStoredAndSentAsItIsSoItMustBeShortCapitalsAndDigits(@TempDir Path jar) throws IOException {
        assertThat(new Channel("APP_FEED")).isEqualTo(AppFeedChannel.CHANNEL);
        assertThatThrownBy(() -> new Channel(" ")).isInstanceOf(IllegalArgumentException.class);
        offer(jar, BadlyNamedChannel.class);
        try (URLClassLoader badly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> Channels.load(badly)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Tik Tok");
        }
    }

    /** A directory laid out as a plug-in jar: its service file names one plug-in class. */
    private static void offer(Path jar, Class<? extends ChannelPlugin> plugIn) throws IOException {
        Path services = Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(services.resolve(ChannelPlugin.class.getName()), plugIn.getName() + "\n");
    }

    private static ChannelDescriptor portalLike(Channel channel) {
        return new ChannelDescriptor(channel, "Kênh thử", "Test channel", "portal", PortalArticle.class, null, Set.of(), Set.of(),
                (target, credentials, probe) -> new ConnectionCheck.Result(true, null, "ok"), context -> null);
    }

    /** A channel no module knows, as a third party would ship it. */
    public static final class TestOnlyChannel implements ChannelPlugin {
        @Override
        public ChannelDescriptor descriptor() {
            return portalLike(new Channel("TEST_ONLY"));
        }
    }

    /** A plug-in whose id is not one a job could store. */
    public static final class BadlyNamedChannel implements ChannelPlugin {
        @Override
        public ChannelDescriptor descriptor() {
            return portalLike(new Channel("Tik Tok"));
        }
    }

    /** A second plug-in that claims Facebook's id. */
    public static final class SecondFacebookChannel implements ChannelPlugin {
        @Override
        public ChannelDescriptor descriptor() {
            return portalLike(new Channel("FACEBOOK"));
        }
    }

    @Test
    void everyPlugInMakesTheConnectorOfItsOwnChannel() {
        ConnectorContext context = new ConnectorContext(HttpClient.newHttpClient(), MediaFetcher.http(HttpClient.newHttpClient()),
                Clock.systemUTC(), Duration.ofSeconds(5));
        for (ChannelDescriptor descriptor : Channels.all()) {
            assertThat(descriptor.connector().create(context).channel()).as(descriptor.channel().id())
                    .isEqualTo(descriptor.channel());
        }
    }

    @Test
    void theAppFeedNeedsASecretOnlyWhenItPushesWhileSocialPagesNeedTheirAccountAndToken() {
        assertThat(Channels.of(AppFeedChannel.CHANNEL).requiredCredentials(false)).isEmpty();
        assertThat(Channels.of(AppFeedChannel.CHANNEL).requiredCredentials(true)).containsExactly("secret");
        assertThat(Channels.of(AppFeedChannel.CHANNEL).requiredFields()).isEmpty();
        assertThat(Channels.of(FacebookChannel.CHANNEL).requiredFields()).containsExactlyInAnyOrder(TargetField.ENDPOINT, TargetField.ACCOUNT);
        assertThat(Channels.of(FacebookChannel.CHANNEL).requiredCredentials(true)).containsExactly("page_access_token");
        assertThat(Channels.of(WordPressChannel.CHANNEL).requiredCredentials(true)).isEqualTo(Set.of("username", "application_password"));
    }

    @Test
    void bothPortalsAreRenderedFromThePortalTemplateAndReadThePortalArticle() {
        for (Channel portal : new Channel[] {WebhookChannel.CHANNEL, WordPressChannel.CHANNEL}) {
            assertThat(Channels.of(portal).templateChannel()).isEqualTo("portal");
            assertThat(Channels.of(portal).payloadType()).isEqualTo(PortalArticle.class);
        }
        assertThat(Channels.of(YouTubeChannel.CHANNEL).mediaKind()).isEqualTo("video");
    }

    @Test
    void aPayloadsContentIsReadBackAsTheTypedRecordItWasWrittenFrom() {
        PortalArticle article = new PortalArticle("vi", "Tiêu đề", "<article><p>Nội dung</p></article>");
        ChannelPayload payload = new ChannelPayload(WebhookChannel.CHANNEL, "cong", "vi", "3.1", "Tiêu đề", null, null, null,
                ChannelPayload.contentOf(article));

        assertThat(payload.content(PortalArticle.class)).isEqualTo(article);
        assertThatThrownBy(() -> new ChannelPayload(WebhookChannel.CHANNEL, "cong", "vi", null, null, null, null, null, null)
                .content(PortalArticle.class)).isInstanceOf(IllegalStateException.class);
    }
}
