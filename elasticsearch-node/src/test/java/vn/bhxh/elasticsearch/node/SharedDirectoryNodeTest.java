package vn.bhxh.elasticsearch.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several application instances on one data directory: one node, started once, stopped by the last one out. */
class SharedDirectoryNodeTest {

    private Path home;

    @BeforeEach
    void createHome() throws IOException {
        home = Files.createTempDirectory("bhxh-es-shared-dir-test-");
        Distribution.makeTraversable(home);
    }

    @AfterEach
    void deleteHome() {
        Distribution.deleteRecursively(home);
    }

    @Test
    void anInstanceThatJoinedNeverStopsTheNodeAndTheOwnerHandsItOverWhileItIsUsed() {
        NodeSettings settings = TestElasticsearch.testSettings(home);
        SharedDirectoryNode first = new SharedDirectoryNode(settings);
        SharedDirectoryNode second = new SharedDirectoryNode(settings);
        SharedDirectoryNode third = new SharedDirectoryNode(settings);
        try {
            URI uri = first.start();
            long server = first.node().serverPid();
            assertThat(first.joined()).isFalse();

            assertThat(second.start()).isEqualTo(uri);
            assertThat(third.start()).isEqualTo(uri);
            assertThat(second.joined()).isTrue();
            assertThat(third.joined()).isTrue();

            third.close();
            assertThat(TestElasticsearch.answers(uri)).as("a joined instance leaving stops nothing").isTrue();

            first.close();
            assertThat(TestElasticsearch.answers(uri)).as("the owner leaves it running for the instance still using it").isTrue();
            assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).hasValue(true);

            second.close();
            assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false))
                    .as("the last one out stops it").isFalse();
            assertThat(TestElasticsearch.answers(uri)).isFalse();
        } finally {
            third.close();
            second.close();
            first.close();
            first.node().stop();
        }
    }
}
