package vn.bhxh.publisher.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Stops the servers a test JVM started (and removes their directory) when that JVM dies without running its shutdown
 * hooks: a kill -9, a surefire timeout, an IDE's stop button. A JVM cannot do that for itself, so a small shell process
 * outside it waits for it to die, as the shared test Elasticsearch follows Maven down ({@code SharedTestNode}).
 *
 * <p>Each watched process's pid goes into a file in {@code directory}; when the JVM is gone the watchdog sends them
 * SIGTERM (php-fpm, nginx and MariaDB then stop their workers themselves), SIGKILL to whatever still runs 10 s later,
 * and removes {@code directory}. A proper stop calls {@link #disarm()} first, so the watchdog then finds nothing to do.
 */
public final class OrphanWatchdog {

    /** Seconds between the SIGTERM and the SIGKILL of what is still running. */
    static final int GRACE_SECONDS = 10;

    private static final String SCRIPT = """
            jvm="$1"; dir="$2"; pids="$3"
            while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
            [ -f "$pids" ] || exit 0
            list=$(cat "$pids")
            kill -TERM $list 2>/dev/null
            i=0
            while [ $i -lt %d ]; do
              alive=""
              for p in $list; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
              [ -z "$alive" ] && break
              sleep 1; i=$((i + 1))
            done
            kill -KILL $list 2>/dev/null
            rm -rf "$dir"
            """.formatted(GRACE_SECONDS);

    private final Path pids;

    private OrphanWatchdog(Path pids) {
        this.pids = pids;
    }

    /** Starts watching this JVM on behalf of the processes that will be {@link #watch watched}, all under {@code directory}. */
    public static OrphanWatchdog start(Path directory) {
        Path pids = directory.resolve("watched.pids");
        try {
            Files.writeString(pids, "");
            new ProcessBuilder("sh", "-c", SCRIPT, "bhxh-test-watchdog", Long.toString(ProcessHandle.current().pid()),
                    directory.toString(), pids.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Không chạy được tiến trình canh / could not start the watchdog", e);
        }
        return new OrphanWatchdog(pids);
    }

    /** {@code process} is stopped if this JVM dies without stopping it. */
    public synchronized void watch(Process process) {
        try {
            Files.writeString(pids, process.pid() + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processes are being stopped properly: the watchdog has nothing to do when the JVM ends. */
    public synchronized void disarm() {
        try {
            Files.deleteIfExists(pids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
