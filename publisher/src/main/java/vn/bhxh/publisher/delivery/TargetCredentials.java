package vn.bhxh.publisher.delivery;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.crypto.SealedSecret;
import vn.bhxh.publisher.job.Json;

import java.util.Map;

/** A target's credentials are a small JSON map (token, application password, signing secret…), sealed as one value. */
public final class TargetCredentials {

    private TargetCredentials() {
    }

    public static SealedSecret seal(CredentialCipher cipher, String targetId, Map<String, String> values) {
        return cipher.seal(targetId, Json.mapper().writeValueAsString(values));
    }

    public static Credentials open(CredentialCipher cipher, Target target) {
        if (target.credentials() == null) {
            return new Credentials(Map.of());
        }
        try {
            return new Credentials(Json.mapper().readValue(cipher.open(target.id(), target.credentials()),
                    new TypeReference<Map<String, String>>() { }));
        } catch (JacksonException e) {
            throw new IllegalStateException("Thông tin đăng nhập hỏng / credentials of " + target.id() + " are not a JSON map");
        }
    }
}
