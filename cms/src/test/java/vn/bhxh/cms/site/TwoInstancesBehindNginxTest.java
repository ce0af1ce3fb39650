package vn.bhxh.cms.site;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsApplication;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestImages;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.elasticsearch.node.TestElasticsearch;
import vn.bhxh.publisher.crypto.CredentialCipher;

/**
 * Two application instances behind a real nginx (Debian's, round robin, on a free port) on one Elasticsearch node and
 * one blob store, as an operator runs them: a browser signs in through the balancer and is signed in on both instances
 * (the session lives in Elasticsearch); every main page answers whichever instance serves it; a file uploaded on one
 * instance downloads on the other; a post scheduled through the balancer is delivered; both instances' Prometheus
 * counters move for their own uploads and searches. Signing out through the balancer signs out on both.
 */
class TwoInstancesBehindNginxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String UPSTREAM = "X-Upstream";
    /** The main pages of an administrator (who may open them all). */
    private static final List<String> MAIN_PAGES = List.of("/", "/products", "/products/new", "/review", "/translate",
            "/catalogue", "/downloads", "/admin/users", "/admin/targets", "/admin/templates", "/admin/audit", "/reports",
            "/reports/overview", "/reports/broadcasts");

    private static List<ConfigurableApplicationContext> instances;
    private static int[] ports;
    private static Path nginxHome;
    private static Process nginx;
    private static int balancer;
    private static WireMockServer portal;
    private static Instant began;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoInstancesAndTheBalancer() throws Exception {
        began = Instant.now();
        String key = sharedCredentialsKey();
        // Both at once: the start-up lock in Elasticsearch keeps the first-start data single.
        List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> instance(key))).toList();
        instances = starting.stream().map(CompletableFuture::join).toList();
        ports = instances.stream().mapToInt(c -> ((WebServerApplicationContext) c).getWebServer().getPort()).toArray();
        for (ConfigurableApplicationContext instance : instances) {
            Await.until(instance.getBean(IndexInitializer.class)::isReady, PATIENCE, "indices ready");
        }
        startNginx();
        portal = new WireMockServer(options().dynamicPort());
        portal.start();
        portal.stubFor(post(urlEqualTo("/cong-tinh/bhxh")).willReturn(okJson("{\"id\":\"p-2\",\"url\":\"https://cong.example.vn/p-2\"}")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (portal != null) {
            portal.stop();
        }
        if (instances != null) {
            instances.forEach(ConfigurableApplicationContext::close);
        }
        System.out.println("TwoInstancesBehindNginxTest took " + Duration.between(began, Instant.now()).toSeconds() + " s");
    }

    @Test
    void aBrowserSignedInThroughTheBalancerUsesBothInstancesAndFilesAndPostsCrossBetweenThem() throws Exception {
        // Sign in through the balancer: the CSRF token comes from one instance, the form may reach the other.
        HttpResponse<String> signedIn = viaBalancerForm("/login", Map.of("username", CmsIntegrationTest.ADMIN,
                "password", CmsIntegrationTest.ADMIN_PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = sessionId();
        assertThat(session).isNotBlank();

        // The same cookie is a signed-in session on each instance directly.
        for (int port : ports) {
            HttpResponse<String> home = get(port, "/");
            assertThat(home.statusCode()).as("home page on instance :%d", port).isEqualTo(200);
            assertThat(home.body()).contains("/logout");
        }

        // Every main page through the balancer, round robin: each instance serves some of them, none asks to sign in.
        Set<String> servedBy = new TreeSet<>();
        for (int round = 0; round < 2; round++) {
            for (String page : MAIN_PAGES) {
                HttpResponse<String> answer = get(balancer, page);
                assertThat(answer.statusCode()).as("%s via %s", page, answer.headers().firstValue(UPSTREAM)).isEqualTo(200);
                assertThat(answer.body()).as(page).doesNotContain("name=\"password\"").contains("</html>");
                servedBy.add(answer.headers().firstValue(UPSTREAM).orElseThrow());
            }
        }
        assertThat(servedBy).containsExactlyInAnyOrder("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1]);

        ApiClient admin = new ApiClient(balancer, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        ApiClient editor = TestUsers.ensure(balancer, admin, "lb-bien-tap-" + suffix, "[\"EDITOR\"]", "{}");
        ApiClient reviewer = TestUsers.ensure(balancer, admin, "lb-tham-dinh-" + suffix, "[\"REVIEWER\"]", "{}");
        ApiClient approver = TestUsers.ensure(balancer, admin, "lb-lanh-dao-" + suffix, "[\"APPROVER\"]", "{}");
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"INFOGRAPHIC\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":\"Infographic hai máy chủ " + suffix + "\","
                + "\"summary\":\"Đóng BHXH tự nguyện để hưởng lương hưu\","
                + "\"body\":\"<p>Tham gia BHXH tự nguyện để có lương hưu khi về già.</p>\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String product = Json.parse(created.body()).get("productId").asString();

        // Upload on instance A with the browser's session and CSRF token (the page's upload), download on instance B.
        double uploadsBefore = metric(ports[0], "bhxh_uploads_total{outcome=\"stored\",way=\"request\"}");
        byte[] image = TestImages.png(321, 201);
        String csrf = csrfToken(get(balancer, "/products/" + product + "/variants/vi").body());
        HttpResponse<String> uploaded = browser.send(HttpRequest.newBuilder(uri(ports[0], "/products/" + product
                        + "/variants/vi/assets?productType=INFOGRAPHIC&role=cover&fileName="
                        + URLEncoder.encode("hai-may-chu.png", StandardCharsets.UTF_8)))
                .header("X-CSRF-TOKEN", csrf).header("Content-Type", "image/png").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String asset = Json.parse(uploaded.body()).get("assetId").asString();
        HttpResponse<byte[]> downloaded = browser.send(HttpRequest.newBuilder(uri(ports[1], "/files/" + asset)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(image);
        assertThat(metric(ports[0], "bhxh_uploads_total{outcome=\"stored\",way=\"request\"}")).isEqualTo(uploadsBefore + 1);
        assertThat(metric(ports[0], "bhxh_upload_seconds_count{outcome=\"stored\",way=\"request\"}")).isGreaterThanOrEqualTo(1);

        // Searches on B move B's search timer.
        double searchesBefore = metric(ports[1], "bhxh_search_seconds_count");
        HttpResponse<String> found = get(ports[1], "/catalogue?q=" + URLEncoder.encode("hai may chu " + suffix, StandardCharsets.UTF_8));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(metric(ports[1], "bhxh_search_seconds_count")).isGreaterThan(searchesBefore);

        // Schedule through the balancer and see it delivered: the target's credentials, sealed by whichever instance
        // saved it, open on whichever claims the job (one key for all).
        String variant = "/api/v1/products/" + product + "/variants/vi";
        approve(editor, reviewer, approver, variant);
        String target = "cong-lb-" + suffix;
        HttpResponse<String> saved = admin.post("/api/v1/targets", "{\"id\":\"" + target + "\",\"channel\":\"WEBHOOK\","
                + "\"name\":\"Cổng TTĐT tỉnh " + suffix + "\",\"endpoint\":\"" + portal.baseUrl() + "/cong-tinh/bhxh\","
                + "\"credentials\":{\"secret\":\"khoa-ky-" + suffix + "\"}}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        String due = LocalDateTime.now(WebFormats.VIETNAM).plusSeconds(1).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        HttpResponse<String> scheduled = editor.post("/api/v1/schedules", "{\"productId\":\"" + product
                + "\",\"language\":\"vi\",\"targets\":[\"" + target + "\"],\"publishAt\":\"" + due + "\"}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        String job = Json.parse(scheduled.body()).get(0).get("id").asString();
        Await.until(() -> "DELIVERED".equals(Json.parse(editor.get("/api/v1/schedules/" + job).body()).get("state").asString()),
                PATIENCE, "delivered");
        portal.verify(1, postRequestedFor(urlEqualTo("/cong-tinh/bhxh")));
        HttpResponse<String> jobPage = get(balancer, "/products/" + product + "/variants/vi/schedule");
        assertThat(jobPage.statusCode()).isEqualTo(200);

        // Signing out through the balancer ends the session on both instances.
        HttpResponse<String> signedOut = viaBalancerForm("/logout", Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        for (int port : ports) {
            HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(port, "/")).header("Accept", WebClient.HTML)
                    .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).as("old session on :%d", port).isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }

    private static ConfigurableApplicationContext instance(String key) {
        return new SpringApplicationBuilder(CmsApplication.class).run(
                "--server.port=0",
                "--spring.elasticsearch.uris=" + TestElasticsearch.uri(),
                "--bhxh.instances=2",
                "--bhxh.publishing.credentials-key=" + key,
                "--bhxh.security.initial-admin.username=" + CmsIntegrationTest.ADMIN,
                "--bhxh.security.initial-admin.password=" + CmsIntegrationTest.ADMIN_PASSWORD,
                "--bhxh.elasticsearch.index-retry-interval=500ms",
                "--bhxh.elasticsearch.refresh-interval=100ms",
                "--bhxh.media.directory=${java.io.tmpdir}/bhxh-test-media",
                "--bhxh.demo.enabled=false",
                "--bhxh.publishing.poll-interval=200ms",
                "--bhxh.publishing.feed-refresh=300ms",
                "--bhxh.publishing.check-interval=1s",
                "--bhxh.publishing.retry-base=300ms",
                "--bhxh.publishing.retry-max=1s",
                "--bhxh.security.password.bcrypt-strength=4");
    }

    /**
     * The key every test context on the shared node uses (their key file), so that whichever of them claims a job can
     * open its target's credentials; given here as the configured key, as production does.
     */
    private static String sharedCredentialsKey() throws IOException {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "bhxh-test-publishing", "credentials.key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "credentials", ".tmp");
            Files.writeString(temporary, CredentialCipher.newKey(), StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temporary);
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    private static void startNginx() throws Exception {
        nginxHome = Files.createTempDirectory("bhxh-lb-nginx");
        Files.createDirectories(nginxHome.resolve("run"));
        try (ServerSocket socket = new ServerSocket(0)) {
            balancer = socket.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(nginxHome.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/run/nginx.pid;
                error_log %1$s/error.log;
                %5$s
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/run/body;
                  proxy_temp_path %1$s/run/proxy;
                  fastcgi_temp_path %1$s/run/fastcgi;
                  uwsgi_temp_path %1$s/run/uwsgi;
                  scgi_temp_path %1$s/run/scgi;
                  client_max_body_size 64m;
                  # Round robin (nginx's default), no stickiness: any request may reach either instance.
                  upstream cms {
                    server 127.0.0.1:%3$d;
                    server 127.0.0.1:%4$d;
                  }
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://cms;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      add_header X-Upstream $upstream_addr always;
                    }
                  }
                }
                """.formatted(nginxHome, balancer, ports[0], ports[1], root ? "user root;" : ""));
        nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", nginxHome.toString(), "-e", nginxHome.resolve("error.log").toString(),
                "-c", nginxHome.resolve("nginx.conf").toString()).redirectErrorStream(true)
                .redirectOutput(nginxHome.resolve("nginx.out").toFile()).start();
        Await.until(() -> {
            try (Socket ignored = new Socket("127.0.0.1", balancer)) {
                return true;
            } catch (IOException e) {
                assertThat(nginx.isAlive()).as("nginx running; see %s", nginxHome).isTrue();
                return false;
            }
        }, Duration.ofSeconds(20), "nginx listening");
    }

    private HttpResponse<String> viaBalancerForm(String path, Map<String, String> fields) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken(get(balancer, "/login").body()));
        String body = withToken.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).reduce((a, b) -> a + "&" + b).orElse("");
        return browser.send(HttpRequest.newBuilder(uri(balancer, path)).header("Accept", WebClient.HTML)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return browser.send(HttpRequest.newBuilder(uri(port, path)).header("Accept", WebClient.HTML).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One sample of this instance's Prometheus scrape (0 while the series does not exist yet). */
    private static double metric(int port, String series) throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(port, "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((CmsIntegrationTest.ADMIN + ":"
                        + CmsIntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        for (String line : scrape.body().lines().toList()) {
            if (line.startsWith(series + " ") || (line.startsWith(series + "{") && !series.contains("{"))) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String csrfToken(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void approve(ApiClient editor, ApiClient reviewer, ApiClient approver, String variant) {
        assertThat(transition(editor, variant, "SUBMIT", null).statusCode()).isEqualTo(200);
        assertThat(transition(reviewer, variant, "REVIEW", "Đúng quy định").statusCode()).isEqualTo(200);
        assertThat(transition(approver, variant, "APPROVE", null).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> transition(ApiClient client, String variant, String action, String comment) {
        String etag = client.get(variant).headers().firstValue("ETag").orElseThrow();
        String body = "{\"action\":\"" + action + "\"" + (comment == null ? "" : ",\"comment\":" + Json.quote(comment)) + "}";
        return client.send(client.request(variant + "/transitions").header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
