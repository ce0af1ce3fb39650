package vn.bhxh.publisher.connector.zalo;

import java.io.IOException;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpAnswers;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/** A Zalo Official Account ({@link ZaloOaConnector}): the account is the OA id. */
public final class ZaloChannel implements ChannelDescriptor {

    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public String templateChannel() {
        return "zalo";
    }

    @Override
    public Class<ZaloArticle> payloadType() {
        return ZaloArticle.class;
    }

    @Override
    public String mediaKind() {
        return null;
    }

    @Override
    public Set<TargetField> requiredFields() {
        return Set.of(TargetField.ENDPOINT, TargetField.ACCOUNT);
    }

    @Override
    public Set<String> requiredCredentials(boolean hasEndpoint) {
        return Set.of("access_token");
    }

    /** Zalo answers HTTP 200 with its own error code in the body; 0 means the access token works. */
    @Override
    public ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe)
            throws IOException, InterruptedException {
        HttpAnswer answer = probe.http().send(probe.get(target.resolve("/v2.0/oa/getoa"))
                .header("access_token", credentials.require("access_token")).build());
        JsonNode body = answer.jsonOrEmpty();
        int error = body.path("error").asInt(answer.status() == 200 ? 0 : -1);
        if (answer.status() == 200 && error == 0) {
            return new ConnectionCheck.Result(true, 200, "Zalo OA: " + body.path("data").path("name").asString(target.account()));
        }
        return new ConnectionCheck.Result(false, answer.status(), "Zalo từ chối / Zalo refused: " + error + " "
                + body.path("message").asString(HttpAnswers.abbreviate(String.valueOf(answer.body()))));
    }
}
