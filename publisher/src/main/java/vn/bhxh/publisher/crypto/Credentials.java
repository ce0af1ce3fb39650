package vn.bhxh.publisher.crypto;

import java.util.Map;

/**
 * Decrypted connector credentials (tokens, application passwords, signing secrets), held only for a delivery.
 * {@link #toString()} hides every value so a log line or an exception message cannot leak one.
 */
public final class Credentials {

    private final Map<String, String> values;
    private final String targetName;

    public Credentials(Map<String, String> values) {
        this(values, null);
    }

    /** @param targetName the target's name as people know it, for the sentence saying what is missing; null: "this target" */
    public Credentials(Map<String, String> values, String targetName) {
        this.values = Map.copyOf(values);
        this.targetName = targetName;
    }

    /**
     * The credential {@code name}, or {@link CredentialsUnusable} saying which one to enter, by {@code label}: what people
     * call it ("mật khẩu ứng dụng"), since the name is a code they never see.
     */
    public String require(String name, String label) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new CredentialsUnusable("Chưa nhập " + label + " cho " + targetPhrase(targetName)
                    + "; hãy nhập ở mục Khóa truy cập khi sửa kênh phát hành.");
        }
        return value;
    }

    /** How the sentences name a target. */
    public static String targetPhrase(String targetName) {
        return targetName == null || targetName.isBlank() ? "kênh phát hành này" : "kênh “" + targetName + "”";
    }

    public String get(String name) {
        return values.get(name);
    }

    @Override
    public String toString() {
        return "Credentials" + values.keySet() + "=***";
    }
}
