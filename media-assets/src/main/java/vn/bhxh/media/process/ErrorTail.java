package vn.bhxh.media.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Drains a worker's standard error for as long as it lives, keeping only the end: a long-lived worker
 * must neither block on a full pipe nor fill a disk, yet a crash should still be explained.
 */
final class ErrorTail {

    private static final int KEEP = 8 * 1024;

    private final byte[] tail = new byte[KEEP];
    private int length;
    private Thread reader;

    static ErrorTail drain(InputStream errors) {
        ErrorTail tail = new ErrorTail();
        tail.reader = Thread.ofPlatform().daemon().name("worker-stderr").start(() -> {
            byte[] buffer = new byte[4096];
            try (errors) {
                int read;
                while ((read = errors.read(buffer)) > 0) {
                    tail.append(buffer, read);
                }
            } catch (IOException ended) {
                // the worker is gone
            }
        });
        return tail;
    }

    private synchronized void append(byte[] buffer, int count) {
        int keepOld = Math.min(length, KEEP - Math.min(count, KEEP));
        System.arraycopy(tail, length - keepOld, tail, 0, keepOld);
        int copy = Math.min(count, KEEP);
        System.arraycopy(buffer, count - copy, tail, keepOld, copy);
        length = keepOld + copy;
    }

    /** The last non-blank line a dead worker wrote, or empty; waits briefly for its final output to be read. */
    String lastLine() {
        try {
            reader.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text();
    }

    private synchronized String text() {
        return new String(Arrays.copyOf(tail, length), StandardCharsets.UTF_8).strip().lines()
                .reduce((first, second) -> second).orElse("");
    }
}
