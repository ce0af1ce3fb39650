package vn.bhxh.elasticsearch.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests' choice of Elasticsearch: the managed node by default, without ever asking for Docker; Testcontainers only
 * when asked, and then, without Docker, a stop with one sentence that says what to do. (Our machines have no Docker:
 * the container itself is not started here.)
 */
class TestElasticsearchChoiceTest {

    @Test
    void theDefaultIsTheManagedNodeAndNeverAsksForDocker() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<DockerProbe> docker = () -> {
            asked.incrementAndGet();
            return new DockerProbe(List.of());
        };

        for (String property : new String[] {null, "", "managed", "MANAGED"}) {
            TestElasticsearchChoice choice = TestElasticsearchChoice.of(property);
            assertThat(choice).isEqualTo(TestElasticsearchChoice.MANAGED);
            choice.checkUsable(docker);
        }

        assertThat(asked).hasValue(0);
    }

    @Test
    void testcontainersWithoutDockerStopsWithOneSentence(@TempDir Path home) {
        // No DOCKER_HOST and none of the usual sockets: as on our machines.
        DockerProbe noDocker = DockerProbe.forEnvironment(Map.of("XDG_RUNTIME_DIR", home.toString()), home.toString());

        assertThatThrownBy(() -> TestElasticsearchChoice.of("testcontainers").checkUsable(() -> noDocker))
                .isInstanceOf(ElasticsearchNodeException.class)
                .hasMessageStartingWith("bhxh.test.elasticsearch=testcontainers needs Docker, but no Docker daemon answered")
                .hasMessageContaining(home + "/docker.sock")
                .hasMessageEndingWith("run the tests without that property to use the managed Elasticsearch node.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(". "));
    }

    @Test
    void aSocketThatIsNoDockerDaemonDoesNotCount(@TempDir Path home) throws Exception {
        Path notASocket = Files.writeString(home.resolve("docker.sock"), "");

        assertThat(DockerProbe.forEnvironment(Map.of("DOCKER_HOST", "unix://" + notASocket), home.toString()).unavailable())
                .contains("unix://" + notASocket);
        assertThat(DockerProbe.forEnvironment(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), home.toString()).unavailable())
                .contains("tcp://127.0.0.1:1");
    }

    @Test
    void anUnknownChoiceNamesTheChoices() {
        assertThatThrownBy(() -> TestElasticsearchChoice.of("podman"))
                .hasMessage("bhxh.test.elasticsearch=podman is not a choice: use managed or testcontainers.");
    }
}
