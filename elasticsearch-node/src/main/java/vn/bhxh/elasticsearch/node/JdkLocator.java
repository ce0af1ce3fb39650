package vn.bhxh.elasticsearch.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run Elasticsearch 9: ES_JAVA_HOME, then JAVA_HOME, then the JDKs installed
 * under /usr/lib/jvm (newest first), then the JDK running this code.
 */
public final class JdkLocator {

    public static final int MINIMUM_VERSION = 21;

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?(\\d+)(?:\\.(\\d+))?", Pattern.MULTILINE);

    private final Map<String, String> environment;
    private final Path systemJvmDirectory;
    private final Path currentJavaHome;

    public JdkLocator(Map<String, String> environment, Path systemJvmDirectory, Path currentJavaHome) {
        this.environment = environment;
        this.systemJvmDirectory = systemJvmDirectory;
        this.currentJavaHome = currentJavaHome;
    }

    public static JdkLocator forThisMachine() {
        return new JdkLocator(System.getenv(), Path.of("/usr/lib/jvm"), Path.of(System.getProperty("java.home")));
    }

    /** The first suitable JDK, or an exception whose message says what to install. */
    public Path locate() {
        return find().orElseThrow(() -> new ElasticsearchNodeException(
                "No JDK " + MINIMUM_VERSION + " or newer was found for Elasticsearch (looked at ES_JAVA_HOME, JAVA_HOME and "
                        + systemJvmDirectory + "): install one, for example Debian's openjdk-" + MINIMUM_VERSION
                        + "-jdk-headless or Temurin 25, or set ES_JAVA_HOME to it."));
    }

    public Optional<Path> find() {
        return candidates().stream().filter(home -> majorVersion(home).orElse(0) >= MINIMUM_VERSION).findFirst();
    }

    List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        for (String variable : List.of("ES_JAVA_HOME", "JAVA_HOME")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                candidates.add(Path.of(value));
            }
        }
        if (Files.isDirectory(systemJvmDirectory)) {
            try (Stream<Path> installed = Files.list(systemJvmDirectory)) {
                installed.filter(Files::isDirectory)
                        .sorted(Comparator.comparingInt((Path home) -> majorVersion(home).orElse(0)).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // An unreadable /usr/lib/jvm only removes candidates; the caller reports if none is left.
            }
        }
        if (currentJavaHome != null) {
            candidates.add(currentJavaHome);
        }
        return candidates;
    }

    /** The feature version from the JDK's {@code release} file, which every JDK since 9 ships. */
    public static OptionalInt majorVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(javaHome.resolve("bin/java"))) {
            return OptionalInt.empty();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            if (!matcher.find()) {
                return OptionalInt.empty();
            }
            int first = Integer.parseInt(matcher.group(1));
            // "1.8.0" style versions name the feature release second.
            return OptionalInt.of(first == 1 && matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : first);
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
