package vn.bhxh.cms.elasticsearch;

/** Elasticsearch cannot serve this request now (down, or its indices are not created yet). */
public class ElasticsearchUnavailableException extends RuntimeException {

    public ElasticsearchUnavailableException(String message) {
        super(message);
    }

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
