package vn.bhxh.media.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.inspect.TikaWorker;

class WorkerLaunchTest {

    @TempDir
    Path dir;

    @Test
    void aPlainClassPathStartsTheWorkerDirectly() {
        WorkerLaunch launch = new WorkerLaunch("java", "/a/classes:/a/tika.jar");
        assertThat(launch.springBootJar()).isFalse();
        assertThat(launch.command(256, TikaWorker.class, "file"))
                .containsSubsequence("java", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", "/a/classes:/a/tika.jar",
                        TikaWorker.class.getName(), "file");
    }

    @Test
    void insideASpringBootJarTheWorkerStartsThroughBootsLauncher() throws Exception {
        Path jar = dir.resolve("cms.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // a manifest is all the check reads
        }
        WorkerLaunch launch = new WorkerLaunch("java", jar.toString());
        assertThat(launch.springBootJar()).isTrue();
        assertThat(launch.command(64, TikaWorker.class, "file")).containsSubsequence(
                "-Dloader.main=" + TikaWorker.class.getName(), "-cp", jar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", "file");
    }
}
