package vn.bhxh.publisher.job;

/** Elasticsearch could not be read or written; the caller retries later (jobs are never lost by this). */
public class JobStoreException extends RuntimeException {
    public JobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
