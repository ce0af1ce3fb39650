package vn.bhxh.publisher.connector.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The signature of a webhook delivery, for both sides. The sender signs {@code timestamp + "." + body}
 * (timestamp in UNIX seconds, body as the exact bytes sent) with HMAC-SHA256 and the target's shared
 * secret, and sends {@code X-BHXH-Timestamp: <seconds>} and {@code X-BHXH-Signature: v1=<hex>}.
 *
 * <p>The receiving side (a portal) must, in this order:
 * <ol>
 *   <li>read the raw body bytes before parsing them;</li>
 *   <li>refuse a timestamp more than 5 minutes from its own clock (replay window);</li>
 *   <li>compute the HMAC itself and compare in constant time (see {@link #verify});</li>
 *   <li>treat {@code Idempotency-Key} (also the body's {@code id}) as unique: answer 200 or 409 to a key it
 *       already stored, without storing the item again — this is what makes a retried delivery one post;</li>
 *   <li>answer 2xx with an optional JSON {@code {"id":"…","url":"…"}} naming its post; 429/503 with
 *       {@code Retry-After} when busy; 4xx other than 401/403/409/429 for a payload it will never accept.</li>
 * </ol>
 * 401/403 tell us the secret no longer matches: the target is paused and its admins told.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-BHXH-Timestamp";
    public static final String SIGNATURE_HEADER = "X-BHXH-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receiving side's check: right signature, and a timestamp within the replay window of {@code now}. */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > REPLAY_WINDOW.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
