package vn.bhxh.publisher.crypto;

/** An encrypted value as stored ("v1:" + Base64 of nonce and ciphertext); safe to store, never to return by the API. */
public record SealedSecret(String value) {
    @Override
    public String toString() {
        return "SealedSecret[***]";
    }
}
