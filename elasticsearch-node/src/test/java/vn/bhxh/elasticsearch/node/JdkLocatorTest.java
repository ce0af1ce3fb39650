package vn.bhxh.elasticsearch.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {

    @TempDir
    Path root;

    @Test
    void prefersEsJavaHomeThenJavaHomeThenTheNewestInstalledJdk() throws IOException {
        Path jvms = Files.createDirectories(root.resolve("jvm"));
        Path jdk17 = fakeJdk(jvms.resolve("java-17"), "17.0.15");
        Path jdk21 = fakeJdk(jvms.resolve("jdk-21"), "21.0.4");
        Path jdk25 = fakeJdk(jvms.resolve("temurin-25"), "25");
        Path esJava = fakeJdk(root.resolve("es-java"), "23.0.1");

        assertThat(new JdkLocator(Map.of("ES_JAVA_HOME", esJava.toString(), "JAVA_HOME", jdk21.toString()), jvms, null).locate())
                .isEqualTo(esJava);
        assertThat(new JdkLocator(Map.of("JAVA_HOME", jdk21.toString()), jvms, null).locate()).isEqualTo(jdk21);
        // JAVA_HOME on 17, as on our machines: skipped for the newest JDK under /usr/lib/jvm.
        assertThat(new JdkLocator(Map.of("JAVA_HOME", jdk17.toString()), jvms, null).locate()).isEqualTo(jdk25);
    }

    @Test
    void readsOldStyleVersionsAndIgnoresDirectoriesThatAreNoJdk() throws IOException {
        assertThat(JdkLocator.majorVersion(fakeJdk(root.resolve("jdk8"), "1.8.0_392"))).hasValue(8);
        assertThat(JdkLocator.majorVersion(Files.createDirectories(root.resolve("empty")))).isEmpty();
    }

    @Test
    void withoutASuitableJdkSaysWhatToInstall() throws IOException {
        Path jvms = Files.createDirectories(root.resolve("jvm"));
        Path jdk17 = fakeJdk(jvms.resolve("java-17"), "17.0.15");

        assertThatThrownBy(() -> new JdkLocator(Map.of("JAVA_HOME", jdk17.toString()), jvms, jdk17).locate())
                .isInstanceOf(ElasticsearchNodeException.class)
                .hasMessageContaining("No JDK 21 or newer")
                .hasMessageContaining("install one");
    }

    private static Path fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.createFile(home.resolve("bin/java"));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
