package vn.bhxh.publisher.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts connector credentials with AES-256-GCM. The key comes from configuration or the environment
 * ({@link #fromEnvironment}); it is never stored beside the data. Each value gets a fresh 96-bit nonce,
 * and the target id is bound in as associated data, so a sealed secret copied onto another target
 * does not decrypt.
 */
public final class CredentialCipher {

    public static final String KEY_VARIABLE = "BHXH_PUBLISHER_CREDENTIALS_KEY";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1:";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 random bytes, Base64 (e.g. {@code openssl rand -base64 32}) */
    public CredentialCipher(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("Thiếu khóa mã hóa thông tin đăng nhập / the credentials key is missing ("
                    + KEY_VARIABLE + ")");
        }
        byte[] raw = Base64.getDecoder().decode(base64Key.trim());
        if (raw.length != 32) {
            throw new IllegalArgumentException("Khóa phải dài 32 byte / the credentials key must be 32 bytes, was " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public static CredentialCipher fromEnvironment() {
        return new CredentialCipher(System.getenv(KEY_VARIABLE));
    }

    public static String newKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    public SealedSecret seal(String targetId, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(targetId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new SealedSecret(VERSION + Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM không dùng được / AES-GCM unavailable", e);
        }
    }

    public String open(String targetId, SealedSecret secret) {
        if (!secret.value().startsWith(VERSION)) {
            throw new IllegalArgumentException("Định dạng bí mật không hỗ trợ / unsupported sealed secret format");
        }
        byte[] in = Base64.getDecoder().decode(secret.value().substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(targetId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Không giải mã được thông tin đăng nhập (sai khóa hoặc dữ liệu bị sửa) / "
                    + "could not decrypt credentials (wrong key or tampered data)");
        }
    }
}
