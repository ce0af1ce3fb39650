package vn.bhxh.publisher.delivery;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.crypto.CredentialsUnusable;
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

    /**
     * The target's credentials, decrypted.
     *
     * @throws CredentialsUnusable when they cannot be read (the key changed, the data was altered): they must be entered again
     */
    public static Credentials open(CredentialCipher cipher, Target target) {
        if (target.credentials() == null) {
            return new Credentials(Map.of(), target.name());
        }
        try {
            return new Credentials(Json.mapper().readValue(cipher.open(target.id(), target.credentials()),
                    new TypeReference<Map<String, String>>() { }), target.name());
        } catch (IllegalArgumentException | JacksonException e) {
            // Neither cause is kept: a parse error may quote the decrypted text.
            throw new CredentialsUnusable("Không đọc được khóa truy cập đã lưu của " + Credentials.targetPhrase(target.name())
                    + " (khóa mã hóa của máy chủ đã đổi hoặc dữ liệu bị hỏng); hãy nhập lại ở mục Khóa truy cập khi sửa kênh"
                    + " phát hành.");
        }
    }
}
