package vn.bhxh.publisher.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A test JVM killed with SIGKILL runs no shutdown hook: the servers it started (as {@link TestWordPress} starts MariaDB,
 * php-fpm and nginx) must still stop and their directory go. A child JVM starts two long-running processes under the
 * watchdog and is killed.
 */
class OrphanWatchdogTest {

    /** The killed test JVM: starts two processes under a watchdog, says their pids, and waits. Argument: the directory. */
    public static final class Victim {
        public static void main(String[] args) throws Exception {
            OrphanWatchdog watchdog = OrphanWatchdog.start(Path.of(args[0]));
            Process first = new ProcessBuilder("sleep", "600").start();
            watchdog.watch(first);
            Process second = new ProcessBuilder("sleep", "600").start();
            watchdog.watch(second);
            System.out.println(first.pid() + " " + second.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void whenTheJvmIsKilledItsServersAreStoppedAndTheirDirectoryRemoved() throws Exception {
        Path directory = Files.createTempDirectory("bhxh-watchdog-test-");
        Files.writeString(directory.resolve("db.err"), "a server's file");
        Process victim = new ProcessBuilder(javaBinary(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                Victim.class.getName(), directory.toString()).redirectErrorStream(true).start();
        List<Long> pids;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the victim's pids").isNotNull().matches("\\d+ \\d+");
            pids = Arrays.stream(line.split(" ")).map(Long::parseLong).toList();
            assertThat(pids).allSatisfy(pid -> assertThat(running(pid)).isTrue());

            victim.destroyForcibly(); // SIGKILL: no shutdown hook runs
            victim.waitFor();
        }

        Schedulers.waitUntil(() -> pids.stream().noneMatch(OrphanWatchdogTest::running) && !Files.exists(directory),
                Duration.ofSeconds(OrphanWatchdog.GRACE_SECONDS + 20));
    }

    @Test
    void aProperStopLeavesTheWatchdogNothingToDo() throws Exception {
        Path directory = Files.createTempDirectory("bhxh-watchdog-test-");
        OrphanWatchdog watchdog = OrphanWatchdog.start(directory);
        Process server = new ProcessBuilder("sleep", "600").start();
        watchdog.watch(server);

        watchdog.disarm();
        server.destroy();
        server.waitFor();

        assertThat(Files.exists(directory.resolve("watched.pids"))).isFalse();
        assertThat(Files.exists(directory)).isTrue();
        Files.delete(directory);
    }

    /** Running, not a zombie waiting for a parent that no longer reaps it. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
