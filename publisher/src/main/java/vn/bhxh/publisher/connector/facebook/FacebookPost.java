package vn.bhxh.publisher.connector.facebook;

/** A Page post as the templates' Facebook channel renders it: the message and its tracked link. */
public record FacebookPost(String message, String link) {
}
