package vn.bhxh.cms.elasticsearch;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrative requests (index lifecycle, retention, snapshots) as plain JSON over the low-level client. They copy
 * and delete documents as stored, without going through the document classes, and may run longer than the socket
 * timeout that bounds user requests.
 */
public final class ElasticsearchRequests {

    /** Numbers are kept as written: a copied document must hold what the original held. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Rest5Client client;
    private final RequestOptions options;

    public ElasticsearchRequests(Rest5Client client, Duration timeout) {
        this.client = client;
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        this.options = RequestOptions.DEFAULT.toBuilder()
                .setRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
                .build();
    }

    public static JsonMapper json() {
        return JSON;
    }

    /** Sends the request and answers its JSON body; any status outside 2xx fails. */
    public JsonNode send(String method, String path, Object body) {
        return sendAllowing(method, path, body, Set.of()).orElseThrow();
    }

    /** Sends the request; empty when Elasticsearch answered one of {@code tolerated}, which is not a failure. */
    public Optional<JsonNode> sendAllowing(String method, String path, Object body, Set<Integer> tolerated) {
        Request request = new Request(method, path);
        request.setOptions(options);
        if (body instanceof String ndjson) {
            request.setEntity(new org.apache.hc.core5.http.io.entity.StringEntity(ndjson,
                    org.apache.hc.core5.http.ContentType.create("application/x-ndjson", java.nio.charset.StandardCharsets.UTF_8)));
        } else if (body != null) {
            request.setJsonEntity(JSON.writeValueAsString(body));
        }
        try {
            Response response = client.performRequest(request);
            int status = response.getStatusCode();
            if (tolerated.contains(status)) {
                return Optional.empty(); // HEAD answers 404 without an exception
            }
            String answer = response.getEntity() == null ? null : EntityUtils.toString(response.getEntity());
            if (status >= 300) {
                // Not every failure comes as an exception from the client: any answer outside 2xx is one.
                throw new ElasticsearchUnavailableException(method + " " + path + ": " + status + " " + answer);
            }
            return Optional.of(answer == null || answer.isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer));
        } catch (ResponseException e) {
            if (tolerated.contains(e.getResponse().getStatusCode())) {
                return Optional.empty();
            }
            throw new ElasticsearchUnavailableException(method + " " + path + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ElasticsearchUnavailableException(method + " " + path + ": " + e.getMessage());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Hands every page of hits of {@code index} to {@code page}, in index order, through a scroll that is cleared at
     * the end. {@code search} may add a query or {@code _source} filtering.
     */
    public void scroll(String index, Map<String, Object> search, int size, Consumer<JsonNode> page) {
        Map<String, Object> body = new LinkedHashMap<>(search);
        body.put("size", size);
        body.put("sort", List.of("_doc"));
        JsonNode answer = send("POST", "/" + index + "/_search?scroll=5m", body);
        String scrollId = answer.path("_scroll_id").asString(null);
        try {
            while (!answer.path("hits").path("hits").isEmpty()) {
                page.accept(answer.path("hits").path("hits"));
                answer = send("POST", "/_search/scroll", Map.of("scroll", "5m", "scroll_id", scrollId));
                scrollId = answer.path("_scroll_id").asString(scrollId);
            }
        } finally {
            if (scrollId != null) {
                sendAllowing("DELETE", "/_search/scroll", Map.of("scroll_id", scrollId), Set.of(404));
            }
        }
    }

    /** Whether an index or alias of this name exists. */
    public boolean exists(String name) {
        return sendAllowing("HEAD", "/" + name, null, Set.of(404)).isPresent();
    }
}
