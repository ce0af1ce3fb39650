package vn.bhxh.publisher.job;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.indices.IndexSettings;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.testsupport.Fixtures;

/** The job index takes its replicas from the application; without a setting it follows the cluster's size. */
class JobIndexReplicasTest {

    @Test
    void createsTheIndexWithTheReplicasTheApplicationAsksFor() throws IOException {
        String index = Fixtures.indexName("replicas");
        new JobStore(Fixtures.client(), index, Map.of("index.number_of_replicas", "2", "index.auto_expand_replicas", "false"))
                .ensureIndex();

        IndexSettings settings = settings(index);
        assertThat(settings.numberOfReplicas()).isEqualTo("2");
        assertThat(settings.numberOfShards()).isEqualTo("1");
    }

    @Test
    void withoutASettingOneReplicaAsSoonAsASecondNodeJoins() throws IOException {
        String index = Fixtures.indexName("auto-replicas");
        new JobStore(Fixtures.client(), index).ensureIndex();

        assertThat(settings(index).autoExpandReplicas()).isEqualTo("0-1");
    }

    private static IndexSettings settings(String index) throws IOException {
        return Fixtures.client().indices().getSettings(g -> g.index(index)).get(index).settings().index();
    }
}
