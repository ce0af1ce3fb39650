package vn.bhxh.publisher.job;

/** A job as read from Elasticsearch, with the sequence number and primary term a conditional write needs. */
public record StoredJob(PublishJob job, long seqNo, long primaryTerm) {
}
