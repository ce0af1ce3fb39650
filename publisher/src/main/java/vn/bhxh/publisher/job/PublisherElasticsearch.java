package vn.bhxh.publisher.job;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;

import java.net.URI;

/**
 * Builds the Elasticsearch client this module needs: the job documents use Java time types and carry each
 * channel's payload as JSON, so the client's JSON-P mapper must be this module's Jackson 3 mapper. The cms can hand
 * in its own low-level {@link Rest5Client} (same connection pool, same credentials) and get a client with the right mapper.
 */
public final class PublisherElasticsearch {

    private PublisherElasticsearch() {
    }

    public static ElasticsearchClient client(Rest5Client lowLevel) {
        return new ElasticsearchClient(new Rest5ClientTransport(lowLevel, new Jackson3JsonpMapper(Json.mapper())));
    }

    public static ElasticsearchClient client(URI... nodes) {
        return client(Rest5Client.builder(nodes).build());
    }
}
