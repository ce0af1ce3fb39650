package vn.bhxh.publisher.connector.webhook;

import java.io.IOException;
import java.util.Set;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ChannelDescriptor.TargetField;
import vn.bhxh.publisher.delivery.ChannelPlugin;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/** A portal that takes our signed JSON ({@link WebhookConnector}); rendered from the portal article. */
public final class WebhookChannel implements ChannelPlugin {

    public static final Channel CHANNEL = new Channel("WEBHOOK");

    /** The signing secret: also what the app feed's push needs. */
    public static final Set<String> CREDENTIALS = Set.of("secret");

    public static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(
            CHANNEL, "Cổng thông tin (webhook)", "Portal (webhook)", "portal", PortalArticle.class, null,
            Set.of(TargetField.ENDPOINT), CREDENTIALS, WebhookChannel::check,
            context -> new WebhookConnector(context.http(), context.clock(), context.timeout()));

    /** Found by {@link java.util.ServiceLoader}, which needs a public constructor. */
    public WebhookChannel() {
    }

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A signed GET with an empty body: receivers that only take POST answer 405, which still proves they are there. */
    static ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe)
            throws IOException, InterruptedException {
        long timestamp = probe.clock().instant().getEpochSecond();
        HttpAnswer answer = probe.http().send(probe.get(target.endpoint())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(
                        credentials.require("secret", "khóa bí mật dùng để ký"), timestamp, new byte[0]))
                .build());
        int status = answer.status();
        String tried = "Đã thử gửi một yêu cầu có chữ ký tới " + target.endpoint();
        if (answer.success() || status == 405) {
            return new ConnectionCheck.Result(true, status, tried + ": được, máy chủ nhận bài có trả lời (HTTP " + status + ").");
        }
        if (status == 401 || status == 403) {
            return ConnectionCheck.Result.failed(tried, status, "Máy chủ từ chối chữ ký (HTTP " + status + "); hãy kiểm tra"
                    + " khoá bí mật của đích.");
        }
        return ConnectionCheck.Result.failed(tried, status, answer.classified("GET " + target.endpoint()).reason());
    }
}
