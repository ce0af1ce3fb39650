package vn.bhxh.publisher.connector.zalo;

import tools.jackson.databind.JsonNode;

/** Zalo's envelope {@code {error, message, data}}: only {@code error == 0} is success, whatever the HTTP status. */
record ZaloAnswer(int httpStatus, int error, String message, JsonNode data, String raw) {

    static final int TOKEN_INVALID = -216;
    static final int TIER_LACKS_FEATURE = -224;
    static final int REFRESH_TOKEN_USED = -14020;

    boolean ok() {
        return httpStatus >= 200 && httpStatus < 300 && error == 0;
    }

    boolean tokenInvalid() {
        return error == TOKEN_INVALID || httpStatus == 401;
    }

    /** The answer as it came, for the delivery log (administrators). */
    String reason() {
        return "HTTP " + httpStatus + ": " + raw;
    }
}
