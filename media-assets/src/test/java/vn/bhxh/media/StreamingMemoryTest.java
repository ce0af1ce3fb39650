package vn.bhxh.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "2 GB video under a small heap", scaled to 1 GiB to keep the build quick; the code path is the same. */
class StreamingMemoryTest {

    private static final long ONE_GIB = 1024L * 1024 * 1024;
    private static final int HEAP_MB = 32;

    @TempDir
    Path dir;

    @Test
    void aOneGibUploadStoreAndBundleRunInA32MegabyteHeap() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), SmallHeapStreaming.class.getName(), dir.toString(), Long.toString(ONE_GIB))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        Properties result = new Properties();
        result.load(new StringReader(output));
        System.out.println("Streaming 1 GiB with -Xmx" + HEAP_MB + "m: " + result);
        assertThat(Long.parseLong(result.getProperty("offset"))).isEqualTo(ONE_GIB);
        assertThat(Long.parseLong(result.getProperty("zipBytes"))).isGreaterThan(ONE_GIB);
        assertThat(Long.parseLong(result.getProperty("peakHeapBytes"))).isLessThan(HEAP_MB * 1024L * 1024);
    }
}
