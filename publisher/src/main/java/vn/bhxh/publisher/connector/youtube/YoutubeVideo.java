package vn.bhxh.publisher.connector.youtube;

/** A video's snippet as the templates' YouTube channel renders it. */
public record YoutubeVideo(String title, String description, String languageTag) {
}
