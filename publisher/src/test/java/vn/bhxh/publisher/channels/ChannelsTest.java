package vn.bhxh.publisher.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.connector.webhook.PortalArticle;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ChannelDescriptor.ConnectorContext;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.delivery.ChannelDescriptor.TargetField;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;

/** The registry: one plug-in per channel, and what the cms reads from it instead of per-channel code. */
class ChannelsTest {

    @Test
    void everyChannelHasExactlyOneDescriptor() {
        assertThat(Channels.all()).extracting(ChannelDescriptor::channel).containsExactlyInAnyOrder(Channel.values());
        Arrays.stream(Channel.values()).forEach(channel -> assertThat(Channels.of(channel).channel()).isEqualTo(channel));
    }

    @Test
    void everyPlugInMakesTheConnectorOfItsOwnChannel() {
        ConnectorContext context = new ConnectorContext(HttpClient.newHttpClient(), MediaFetcher.http(HttpClient.newHttpClient()),
                Clock.systemUTC(), Duration.ofSeconds(5));
        for (ChannelDescriptor descriptor : Channels.all()) {
            assertThat(descriptor.connector().create(context).channel()).as(descriptor.channel().name())
                    .isEqualTo(descriptor.channel());
        }
    }

    @Test
    void theAppFeedNeedsASecretOnlyWhenItPushesWhileSocialPagesNeedTheirAccountAndToken() {
        assertThat(Channels.of(Channel.APP_FEED).requiredCredentials(false)).isEmpty();
        assertThat(Channels.of(Channel.APP_FEED).requiredCredentials(true)).containsExactly("secret");
        assertThat(Channels.of(Channel.APP_FEED).requiredFields()).isEmpty();
        assertThat(Channels.of(Channel.FACEBOOK).requiredFields()).containsExactlyInAnyOrder(TargetField.ENDPOINT, TargetField.ACCOUNT);
        assertThat(Channels.of(Channel.FACEBOOK).requiredCredentials(true)).containsExactly("page_access_token");
        assertThat(Channels.of(Channel.WORDPRESS).requiredCredentials(true)).isEqualTo(Set.of("username", "application_password"));
    }

    @Test
    void bothPortalsAreRenderedFromThePortalTemplateAndReadThePortalArticle() {
        for (Channel portal : new Channel[] {Channel.WEBHOOK, Channel.WORDPRESS}) {
            assertThat(Channels.of(portal).templateChannel()).isEqualTo("portal");
            assertThat(Channels.of(portal).payloadType()).isEqualTo(PortalArticle.class);
        }
        assertThat(Channels.of(Channel.YOUTUBE).mediaKind()).isEqualTo("video");
    }

    @Test
    void aPayloadsContentIsReadBackAsTheTypedRecordItWasWrittenFrom() {
        PortalArticle article = new PortalArticle("vi", "Tiêu đề", "<article><p>Nội dung</p></article>");
        ChannelPayload payload = new ChannelPayload(Channel.WEBHOOK, "cong", "vi", "3.1", "Tiêu đề", null, null, null,
                ChannelPayload.contentOf(article));

        assertThat(payload.content(PortalArticle.class)).isEqualTo(article);
        assertThatThrownBy(() -> new ChannelPayload(Channel.WEBHOOK, "cong", "vi", null, null, null, null, null, null)
                .content(PortalArticle.class)).isInstanceOf(IllegalStateException.class);
    }
}
