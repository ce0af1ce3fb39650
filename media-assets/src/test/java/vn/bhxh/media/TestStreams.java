package vn.bhxh.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Request bodies that misbehave the way real connections do. */
public final class TestStreams {

    private TestStreams() {
    }

    /** The first {@code bytes} of {@code content}, then "connection reset". */
    public static InputStream breakingAfter(byte[] content, int bytes) {
        return new InputStream() {
            private final InputStream delegate = new ByteArrayInputStream(Arrays.copyOf(content, bytes));

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = delegate.read(b, off, len);
                if (n < 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }
        };
    }

    /** One byte (1) that arrives only when {@link #release()}d: a client that stops sending mid-request. */
    public static final class Stalled extends InputStream {

        private final CountDownLatch reading = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private boolean sent;

        /** Waits until the server is reading this body. */
        public boolean awaitReading() throws InterruptedException {
            return reading.await(10, TimeUnit.SECONDS);
        }

        public void release() {
            released.countDown();
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (sent) {
                return -1;
            }
            reading.countDown();
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sent = true;
            b[off] = 1;
            return 1;
        }
    }
}
