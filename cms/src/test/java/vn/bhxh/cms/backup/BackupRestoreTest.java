package vn.bhxh.cms.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsApplication;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestImages;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.ElasticsearchRequests;
import vn.bhxh.cms.elasticsearch.IndexDefinition;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.elasticsearch.StartupRefusedException;
import vn.bhxh.elasticsearch.node.ElasticsearchNode;
import vn.bhxh.elasticsearch.node.TestElasticsearch;
import vn.bhxh.media.store.MediaStorage;

/**
 * Backs up the populated shared installation through the administrator API, restores the backup into a fresh one (a
 * node and an application of its own, started with {@code bhxh.backup.restore-from}) and finds every product, variant,
 * version, audit entry and asset there as it was, and every file byte for byte.
 */
@CmsIntegrationTest
class BackupRestoreTest {

    private static final List<String> COMPARED = List.of("products", "variants", "variant-versions", "assets");
    private static ElasticsearchNode freshNode;
    private static ConfigurableApplicationContext fresh;

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    BackupProperties backupProperties;

    @Autowired
    Rest5Client client;

    @Autowired
    MediaStorage storage;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopFreshInstallation() {
        if (fresh != null) {
            fresh.close();
        }
        if (freshNode != null) {
            freshNode.stop();
        }
    }

    @Test
    void aBackupRestoredIntoAFreshInstallationHoldsEverythingAsItWas() throws Exception {
        Await.until(indices::isReady, Duration.ofSeconds(60), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        byte[] picture = TestImages.png(300, 180);
        String assetId = populate(admin, picture);
        URI original = TestElasticsearch.uri();
        Map<String, Map<String, JsonNode>> before = new TreeMap<>();
        for (String index : COMPARED) {
            before.put(index, documents(original, index));
        }
        Map<String, JsonNode> auditBefore = documents(original, "audit");

        HttpResponse<String> made = admin.send(admin.request("/api/v1/backups").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode manifest = Json.parse(made.body());
        String name = manifest.get("name").asString();
        assertThat(made.headers().firstValue("Location")).hasValue("/api/v1/backups/" + name);
        assertThat(Json.parse(admin.get("/api/v1/backups").body()).get(0).get("name").asString()).isEqualTo(name);
        String sha256 = Json.parse(admin.get("/api/v1/assets/" + assetId).body()).get("sha256").asString();
        assertThat(manifest.get("files").toString()).contains(sha256);

        startFreshInstallationFrom(name);
        URI restored = URI.create(fresh.getEnvironment().getProperty("spring.elasticsearch.uris"));
        for (String index : COMPARED) {
            assertThat(documents(restored, index)).as(index).isEqualTo(before.get(index));
        }
        // Entries appended after the snapshot (background work of the running installation) are not in it.
        Map<String, JsonNode> auditRestored = documents(restored, "audit");
        assertThat(auditRestored).containsAllEntriesOf(auditBefore);
        assertThat(documents(original, "audit")).containsAllEntriesOf(auditRestored);
        ApiClient restoredAdmin = new ApiClient(fresh.getEnvironment().getProperty("local.server.port", Integer.class),
                CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        JsonNode verification = Json.parse(restoredAdmin.get("/api/v1/audit/verification").body());
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        // Every file, byte for byte, served by the restored installation.
        assertThat(content(restoredAdmin, assetId)).isEqualTo(picture);
        for (String asset : before.get("assets").keySet()) {
            assertThat(content(restoredAdmin, asset)).as("file of asset %s", asset).isEqualTo(content(admin, asset));
        }
    }

    @Test
    void aRestoreIntoAnInstallationThatIsNotEmptyIsRefused() {
        Await.until(indices::isReady, Duration.ofSeconds(60), "indices created");
        Path directory = backupProperties.directory();
        BackupService restoring = new BackupService(new BackupProperties(directory, backupProperties.elasticsearchLocation(),
                "backup-20260101-000000-000"), indices, client, storage, auditLog, json, Clock.systemUTC());
        List<IndexDefinition> definitions = indices.definitions();

        assertThatThrownBy(() -> restoring.beforeIndices(definitions)).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("names no complete backup");
        BackupManifest any = new BackupManifest("backup-20260101-000000-000", java.time.Instant.EPOCH, "admin", List.of(),
                Map.of(), List.of(), 0);
        writeManifest(directory, any);
        assertThatThrownBy(() -> restoring.beforeIndices(definitions)).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("not empty").hasMessageContaining("products");
    }

    private void writeManifest(Path directory, BackupManifest manifest) {
        try {
            Files.createDirectories(directory.resolve(manifest.name()));
            Files.writeString(directory.resolve(manifest.name()).resolve("manifest.json"), json.writeValueAsString(manifest));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A product whose Vietnamese variant has a file attached (a second version of it). */
    private String populate(ApiClient admin, byte[] picture) {
        HttpResponse<String> created = admin.post("/api/v1/products", "{\"info\":{\"type\":\"INFOGRAPHIC\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":\"Sao lưu: BHXH tự nguyện\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String variant = "/api/v1/products/" + Json.parse(created.body()).get("productId").asString() + "/variants/vi";
        String etag = admin.get(variant).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> attached = admin.send(admin.request(variant + "/files?productType=INFOGRAPHIC&role=cover&fileName="
                        + URLEncoder.encode("bìa sao lưu.png", StandardCharsets.UTF_8))
                .header("Content-Type", "image/png").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofByteArray(picture)));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        return attached.headers().firstValue("Location").orElseThrow().replace("/api/v1/assets/", "");
    }

    private void startFreshInstallationFrom(String backup) {
        Path location = Path.of(backupProperties.repositoryLocation());
        freshNode = TestElasticsearch.privateNode(0, TestElasticsearch.snapshotDirectory());
        URI node = freshNode.start();
        Path media;
        try {
            media = Files.createTempDirectory("bhxh-restored-media-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        fresh = new SpringApplicationBuilder(CmsApplication.class).run(
                "--server.port=0",
                "--spring.elasticsearch.uris=" + node,
                "--bhxh.backup.directory=" + backupProperties.directory(),
                "--bhxh.backup.elasticsearch-location=" + location,
                "--bhxh.backup.restore-from=" + backup,
                "--bhxh.security.initial-admin.username=" + CmsIntegrationTest.ADMIN,
                "--bhxh.security.initial-admin.password=",
                "--bhxh.elasticsearch.index-retry-interval=200ms",
                "--spring.elasticsearch.socket-timeout=30s",
                "--bhxh.media.directory=" + media,
                "--bhxh.demo.enabled=false",
                "--bhxh.publishing.scheduler-enabled=false",
                "--bhxh.publishing.credentials-key-file=${java.io.tmpdir}/bhxh-test-publishing/credentials.key",
                "--bhxh.security.password.bcrypt-strength=4");
        Await.until(fresh.getBean(IndexInitializer.class)::isReady, Duration.ofMinutes(3), "backup restored");
    }

    /** Every document's source by id, as stored (a scroll: the shared installation may hold more than a page). */
    private Map<String, JsonNode> documents(URI node, String index) throws IOException {
        try (Rest5Client direct = Rest5Client.builder(node).build()) {
            ElasticsearchRequests requests = new ElasticsearchRequests(direct, Duration.ofSeconds(60));
            requests.send("POST", "/" + index + "/_refresh", null);
            Map<String, JsonNode> byId = new TreeMap<>();
            requests.scroll(index, Map.of(), 1000, hits -> hits.forEach(hit -> byId.put(hit.get("_id").asString(), hit.get("_source"))));
            return byId;
        }
    }

    private byte[] content(ApiClient api, String assetId) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(api.request("/api/v1/assets/" + assetId + "/content").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("content of %s", assetId).isEqualTo(200);
        return response.body();
    }
}
