package vn.bhxh.publisher.crypto;

import java.util.Map;

/**
 * Decrypted connector credentials (tokens, application passwords, signing secrets), held only for a delivery.
 * {@link #toString()} hides every value so a log line or an exception message cannot leak one.
 */
public final class Credentials {

    private final Map<String, String> values;

    public Credentials(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("Thiếu thông tin đăng nhập '" + name + "' / missing credential '" + name + "'");
        }
        return value;
    }

    public String get(String name) {
        return values.get(name);
    }

    @Override
    public String toString() {
        return "Credentials" + values.keySet() + "=***";
    }
}
