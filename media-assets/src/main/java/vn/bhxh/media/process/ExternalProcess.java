package vn.bhxh.media.process;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with a deadline. Output goes to temporary files, not pipes, so a chatty program
 * can never block on a full pipe and look hung.
 */
public final class ExternalProcess {

    public record Result(int exitCode, byte[] stdout, String stderr) {
    }

    public static final class TimedOut extends Exception {
        TimedOut(Duration timeout) {
            super("Timed out after " + timeout);
        }
    }

    private ExternalProcess() {
    }

    public static Result run(List<String> command, Duration timeout, long maxStdoutBytes) throws IOException, TimedOut, InterruptedException {
        Path stdout = Files.createTempFile("media-process-", ".out");
        Path stderr = Files.createTempFile("media-process-", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new TimedOut(timeout);
                }
            } finally {
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
            return new Result(process.exitValue(), readAtMost(stdout, maxStdoutBytes), tail(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static byte[] readAtMost(Path file, long max) throws IOException {
        if (Files.size(file) > max) {
            throw new IOException("Program output exceeds " + max + " bytes");
        }
        return Files.readAllBytes(file);
    }

    /** The last 64 KB of the error output: enough for ffmpeg's summary and for a crash message. */
    private static String tail(Path file) throws IOException {
        long size = Files.size(file);
        long keep = 64 * 1024;
        try (var channel = Files.newByteChannel(file)) {
            channel.position(Math.max(0, size - keep));
            var buffer = ByteBuffer.allocate((int) Math.min(size, keep));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read until full
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }
}
