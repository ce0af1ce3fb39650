package vn.bhxh.publisher.connector.wordpress;

import java.io.IOException;
import java.util.Set;
import vn.bhxh.publisher.connector.webhook.PortalArticle;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ChannelDescriptor.TargetField;
import vn.bhxh.publisher.delivery.ChannelPlugin;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/** A WordPress portal ({@link WordPressConnector}); rendered from the portal article like a webhook portal. */
public final class WordPressChannel implements ChannelPlugin {

    public static final Channel CHANNEL = new Channel("WORDPRESS");

    public static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(
            CHANNEL, "Cổng thông tin WordPress", "WordPress portal", "portal", PortalArticle.class, null,
            Set.of(TargetField.ENDPOINT), Set.of("username", "application_password"), WordPressChannel::check,
            context -> new WordPressConnector(context.http(), context.media(), context.clock(), context.timeout()));

    /** Found by {@link java.util.ServiceLoader}, which needs a public constructor. */
    public WordPressChannel() {
    }

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** "Who am I" with the application password: needs only read access. One sentence: what was checked, and the outcome. */
    static ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe)
            throws IOException, InterruptedException {
        HttpAnswer answer = probe.http().send(probe.get(target.resolve("/wp-json/wp/v2/users/me?context=edit"))
                .header("Authorization", WordPressConnector.basic(credentials)).build());
        String checked = "Đã thử đăng nhập WordPress tại " + target.endpoint() + " bằng mật khẩu ứng dụng";
        if (answer.success()) {
            return new ConnectionCheck.Result(true, answer.status(), checked + ": được, với tài khoản "
                    + answer.jsonOrEmpty().path("name").asString(credentials.require("username", "tên đăng nhập WordPress")) + ".");
        }
        String reason = WordPressErrors.classify("GET /wp-json/wp/v2/users/me", answer).reason();
        return new ConnectionCheck.Result(false, answer.status(), checked + ": không được. " + reason);
    }
}
