package vn.bhxh.cms.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.elasticsearch.node.TestElasticsearch;

/**
 * The production run path as an operator takes it (README "Running in production"): the packaged jar, started with
 * {@code java -jar … --spring.profiles.active=prod} by the JDK the build uses, its settings in environment variables as
 * {@code deploy/bhxh-cms.env} gives them. Run by {@code ./mvnw verify} in the integration-test phase (the jar is made in
 * package, after the other tests), by an execution of its own in {@code cms/pom.xml}; a run that names its tests with
 * {@code -Dtest=…} leaves it out. Alone: {@code ./mvnw -pl cms -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -DproductionJar.skip=false}.
 */
class ProductionJarIT {

    private static final Path JAR = Path.of(System.getProperty("production.jar", "target/cms-0.1.0-SNAPSHOT.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /** A start on a busy 2-core machine took 90 s; the refusal takes a few. */
    private static final Duration START = Duration.ofMinutes(4);
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    /** Settings the test JVM's environment may carry that would change what the child is given. */
    private static final List<String> CLEARED = List.of("SPRING_PROFILES_ACTIVE", "SPRING_ELASTICSEARCH_URIS",
            "BHXH_PUBLISHER_CREDENTIALS_KEY", "BHXH_INSTANCES", "LOGGING_STRUCTURED_FORMAT_CONSOLE", "SERVER_PORT");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withoutItsSettingsTheProdProfileStopsWithOneSentencePerMissingSetting(@TempDir Path home) throws Exception {
        Process process = start(home, Map.of());
        assertThat(process.waitFor(START.toSeconds(), TimeUnit.SECONDS)).as("the refused start ends").isTrue();
        String out = Files.readString(home.resolve("stdout.log")) + Files.readString(home.resolve("stderr.log"));

        assertThat(process.exitValue()).as(out).isNotZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).as(out).contains(
                "Hồ sơ prod cần một cụm Elasticsearch bên ngoài: hãy đặt spring.elasticsearch.uris (SPRING_ELASTICSEARCH_URIS)"
                        + " / the prod profile needs an external Elasticsearch: set spring.elasticsearch.uris (SPRING_ELASTICSEARCH_URIS).");
        assertThat(lines).as(out).filteredOn(line -> line.startsWith("Hồ sơ prod cần khoá mã hoá thông tin đăng nhập kênh"))
                .singleElement().asString().contains("bhxh.publishing.credentials-key", "BHXH_PUBLISHER_CREDENTIALS_KEY",
                        "the prod profile needs the channel credentials key");
        assertThat(lines).as("one sentence per missing setting, nothing else of that kind").filteredOn(line -> line.startsWith("Hồ sơ prod"))
                .hasSize(2);
        assertThat(out).contains("APPLICATION FAILED TO START")
                .doesNotContain("Exception", "\tat ", "Caused by");
        // It stopped before doing anything: no local Elasticsearch node, no key file, no media directory.
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void withThemItStartsAsProductionDoesWithJsonLogs(@TempDir Path home) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = start(home, Map.of(
                "SERVER_PORT", Integer.toString(port),
                "SPRING_ELASTICSEARCH_URIS", TestElasticsearch.uri().toString(),
                "BHXH_PUBLISHER_CREDENTIALS_KEY", KEY,
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                // The first administrator, should the store have no user yet (otherwise the tests' administrator is there).
                "BHXH_SECURITY_INITIAL_ADMIN_USERNAME", CmsIntegrationTest.ADMIN,
                "BHXH_SECURITY_INITIAL_ADMIN_PASSWORD", CmsIntegrationTest.ADMIN_PASSWORD,
                // The shared node holds other tests' jobs, sealed with their key: this instance must not claim them.
                "BHXH_PUBLISHING_SCHEDULER_ENABLED", "false"));
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            Await.until(() -> status(process, base.resolve("/actuator/health/readiness"), null) == 200, START, "readiness UP");
            HttpResponse<String> readiness = get(base.resolve("/actuator/health/readiness"), null);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> liveness = get(base.resolve("/actuator/health/liveness"), null);
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).contains("\"status\":\"UP\"");

            // Readiness says UP once Elasticsearch answers; until the indices are created (or migrated) requests that
            // need them, a session's included, answer 503 (README "Health"). The demo data's line comes after the first
            // administrator is made: signing in before would count as failed sign-ins and block the address.
            Await.until(() -> read(home.resolve("stdout.log")).contains("demo data is off"), START, "the demo data's line");
            String admin = "Basic " + Base64.getEncoder().encodeToString(
                    (CmsIntegrationTest.ADMIN + ":" + CmsIntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertThat(get(base.resolve("/api/v1/search?q=prometheus-ecs-check"), admin).statusCode()).isEqualTo(200);

            // The session cookie is only ever sent over HTTPS (the TLS proxy in front), and never to scripts.
            HttpResponse<String> login = get(base.resolve("/login"), null);
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                    .singleElement().asString().contains("; Secure", "; HttpOnly", "SameSite=Lax");

            // Prometheus: an administrator's.
            assertThat(get(base.resolve("/actuator/prometheus"), null).statusCode()).isEqualTo(401);
            HttpResponse<String> metrics = get(base.resolve("/actuator/prometheus"), admin);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
                    "bhxh_search_seconds_count");
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        // Every line on stdout is one JSON object in the Elastic Common Schema, from the first to the shutdown.
        List<String> lines = Files.readAllLines(home.resolve("stdout.log"), StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(10);
        List<String> messages = new ArrayList<>();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.path("@timestamp").asString("")).as(line).isNotBlank();
            assertThat(entry.path("log").path("level").asString("")).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(entry.path("ecs").path("version").asString("")).as(line).isNotBlank();
            assertThat(entry.has("message")).as(line).isTrue();
            messages.add(entry.path("message").asString(""));
        }
        assertThat(messages).anyMatch(m -> m.contains("The following 1 profile is active: \"prod\""))
                .anyMatch(m -> m.contains("is ready: http://localhost:"))
                // No demo data in production: said once, and nothing loaded.
                .anyMatch(m -> m.contains("demo data is off (bhxh.demo.enabled=false)"))
                .noneMatch(m -> m.contains("demo products from the source documents") || m.contains("demo reports"));
    }

    /** {@code java -jar <jar> --spring.profiles.active=prod} in {@code home}, with exactly these settings in its environment. */
    private static Process start(Path home, Map<String, String> settings) throws IOException {
        assertThat(JAR).as("the packaged jar (mvn package)").isRegularFile();
        // -XX:TieredStopAtLevel=1 only shortens the start on the busy test machine; the run path is the operator's.
        ProcessBuilder builder = new ProcessBuilder(JAVA.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + home, "-jar", JAR.toAbsolutePath().toString(), "--spring.profiles.active=prod")
                .directory(home.toFile())
                .redirectOutput(home.resolve("stdout.log").toFile())
                .redirectError(home.resolve("stderr.log").toFile());
        CLEARED.forEach(builder.environment()::remove);
        builder.environment().keySet().removeIf(name -> name.startsWith("BHXH_"));
        builder.environment().putAll(settings);
        return builder.start();
    }

    private static String read(Path file) {
        try {
            // Read while the process writes: a character cut in half at the end must not fail the read.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int status(Process process, URI uri, String authorization) {
        assertThat(process.isAlive()).as("the application is running").isTrue();
        try {
            return send(uri, authorization).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpResponse<String> get(URI uri, String authorization) {
        try {
            return send(uri, authorization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(URI uri, String authorization) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
