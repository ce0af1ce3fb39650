package vn.bhxh.publisher.connector.zalo;

import java.io.IOException;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ChannelDescriptor.TargetField;
import vn.bhxh.publisher.delivery.ChannelPlugin;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpAnswers;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/** A Zalo Official Account ({@link ZaloOaConnector}): the account is the OA id. */
public final class ZaloChannel implements ChannelPlugin {

    public static final Channel CHANNEL = new Channel("ZALO");

    public static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(
            CHANNEL, "Zalo OA", "Zalo Official Account", "zalo", ZaloArticle.class, null,
            Set.of(TargetField.ENDPOINT, TargetField.ACCOUNT), Set.of("access_token"), ZaloChannel::check,
            context -> new ZaloOaConnector(context.http(), context.clock(), context.timeout(), ZaloOaConnector.OAUTH));

    /** Found by {@link java.util.ServiceLoader}, which needs a public constructor. */
    public ZaloChannel() {
    }

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Zalo answers HTTP 200 with its own error code in the body; 0 means the access token works. */
    static ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe)
            throws IOException, InterruptedException {
        HttpAnswer answer = probe.http().send(probe.get(target.resolve("/v2.0/oa/getoa"))
                .header("access_token", credentials.require("access_token", "mã truy cập Zalo OA")).build());
        JsonNode body = answer.jsonOrEmpty();
        int error = body.path("error").asInt(answer.status() == 200 ? 0 : -1);
        String tried = "Đã thử đọc thông tin Zalo OA bằng mã truy cập";
        if (answer.status() == 200 && error == 0) {
            return new ConnectionCheck.Result(true, 200, tried + ": được, OA "
                    + body.path("data").path("name").asString(target.account()) + ".");
        }
        ZaloAnswer zalo = new ZaloAnswer(answer.status(), error, body.path("message").asString(""), null,
                HttpAnswers.abbreviate(String.valueOf(answer.body())));
        if (zalo.tokenInvalid()) {
            return ConnectionCheck.Result.failed(tried, answer.status(), "Mã truy cập đã hết hạn hoặc bị thu hồi (mã lỗi " + error
                    + "). Khi đăng bài hệ thống tự làm mới mã; nếu việc đăng cũng bị từ chối, hãy kết nối lại Zalo OA.");
        }
        return ConnectionCheck.Result.failed(tried, answer.status(), ZaloErrors.classify("GET /v2.0/oa/getoa", zalo).reason());
    }
}
