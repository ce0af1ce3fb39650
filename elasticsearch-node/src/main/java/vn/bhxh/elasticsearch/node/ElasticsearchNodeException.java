package vn.bhxh.elasticsearch.node;

/** A node could not be prepared, started or stopped; the message says why and what to do. */
public class ElasticsearchNodeException extends RuntimeException {

    public ElasticsearchNodeException(String message) {
        super(message);
    }

    public ElasticsearchNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
