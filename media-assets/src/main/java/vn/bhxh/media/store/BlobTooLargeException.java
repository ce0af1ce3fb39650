package vn.bhxh.media.store;

import java.io.IOException;

/** Content exceeded the byte limit given to {@link BlobStore#stage}; nothing was kept. */
public class BlobTooLargeException extends IOException {

    private final long maxBytes;

    public BlobTooLargeException(long maxBytes) {
        super("Content exceeds the limit of " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
