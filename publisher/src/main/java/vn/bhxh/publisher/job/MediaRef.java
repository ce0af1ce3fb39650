package vn.bhxh.publisher.job;

/** A rendered media file the channel needs (image, video, audio), fetched by URL at delivery time. */
public record MediaRef(String url, String fileName, String contentType) {
}
