package vn.bhxh.publisher.connector.zalo;

/**
 * Who a broadcast reaches, as Zalo codes it ({@code recipient.target}): age-group codes, gender code, city codes
 * and platform, each a comma-separated string as Zalo expects; null leaves a criterion out.
 */
public record ZaloBroadcastTarget(String ages, String gender, String cities, String platform) {

    public static ZaloBroadcastTarget everyone() {
        return new ZaloBroadcastTarget(null, null, null, null);
    }
}
