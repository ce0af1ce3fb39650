package vn.bhxh.publisher.job;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publish jobs in the Elasticsearch index {@code publish-jobs}. Every change after creation is a
 * conditional write on the document's {@code _seq_no}/{@code _primary_term}: of two instances that read
 * the same version, exactly one write succeeds, which is what keeps delivery single.
 */
public final class JobStore {

    public static final String INDEX = "publish-jobs";

    /** More channels than any installation has plug-ins: the per-channel counts are then exact. */
    private static final int MAX_CHANNELS = 100;

    // Only fields we query are indexed; payload and log stay in _source, exactly as stored.
    private static final String MAPPING = """
            {"mappings":{"dynamic":false,"properties":{
               "id":{"type":"keyword"},"releaseId":{"type":"keyword"},"campaign":{"type":"keyword"},
               "productId":{"type":"keyword"},"language":{"type":"keyword"},"variantRevision":{"type":"keyword"},
               "targetId":{"type":"keyword"},"channel":{"type":"keyword"},"state":{"type":"keyword"},
               "dueAt":{"type":"date"},"unpublishAt":{"type":"date"},"claimableAt":{"type":"date"},
               "leaseOwner":{"type":"keyword"},"leaseUntil":{"type":"date"},"attempts":{"type":"integer"},
               "idempotencyKey":{"type":"keyword"},"payloadSha256":{"type":"keyword"},
               "createdAt":{"type":"date"},"updatedAt":{"type":"date"}}}}
            """;

    /** The version of {@link #mappings()}: an application that keeps the index behind an alias migrates when it rises. */
    public static final int MAPPING_VERSION = 1;

    /** The job index's {@code mappings}, for an application that creates the index itself (behind an alias). */
    public static Map<String, Object> mappings() {
        @SuppressWarnings("unchecked")
        Map<String, Object> all = tools.jackson.databind.json.JsonMapper.builder().build().readValue(MAPPING, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> mappings = (Map<String, Object>) all.get("mappings");
        return mappings;
    }

    /** The job index's own settings, besides replicas. */
    public static Map<String, Object> settings() {
        return Map.of("index.number_of_shards", "1");
    }

    /**
     * Without settings from the application: one replica as soon as the cluster has a second data node, none on a
     * single node (where a replica could never be placed and would keep the cluster yellow).
     */
    public static final Map<String, String> FOLLOW_CLUSTER_SIZE = Map.of("index.auto_expand_replicas", "0-1");

    private final ElasticsearchClient client;
    private final String index;
    private final Map<String, String> replicaSettings;

    /** {@code client} must use this module's mapper: build it with {@link PublisherElasticsearch}. */
    public JobStore(ElasticsearchClient client) {
        this(client, INDEX);
    }

    /** A store on another index name (tests, or one index per environment). */
    public JobStore(ElasticsearchClient client, String index) {
        this(client, index, FOLLOW_CLUSTER_SIZE);
    }

    /**
     * @param replicaSettings the index settings that say how many replicas the job index gets, as the application
     *                        configures them for all its indices (for example {@code index.number_of_replicas: 1})
     */
    public JobStore(ElasticsearchClient client, String index, Map<String, String> replicaSettings) {
        this.client = client;
        this.index = index;
        this.replicaSettings = Map.copyOf(replicaSettings);
    }

    public void ensureIndex() {
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                return;
            }
            Map<String, JsonData> settings = new LinkedHashMap<>();
            settings.put("index.number_of_shards", JsonData.of("1"));
            replicaSettings.forEach((key, value) -> settings.put(key, JsonData.of(value)));
            client.indices().create(c -> c.index(index).withJson(new StringReader(MAPPING))
                    .settings(s -> s.otherSettings(settings)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw new JobStoreException("Không tạo được chỉ mục / could not create index " + index, e);
            }
        } catch (IOException e) {
            throw new JobStoreException("Không tạo được chỉ mục / could not create index " + index, e);
        }
    }

    /** Creates the job unless one with its id exists; returns the stored job either way. */
    public StoredJob create(PublishJob job) {
        try {
            var response = client.create(c -> c.index(index).id(job.id()).document(job));
            return new StoredJob(job, response.seqNo(), response.primaryTerm());
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return get(job.id()).orElseThrow();
            }
            throw new JobStoreException("Không lưu được công việc / could not store job " + job.id(), e);
        } catch (IOException e) {
            throw new JobStoreException("Không lưu được công việc / could not store job " + job.id(), e);
        }
    }

    /** Creates many jobs in one request (a release, a test); existing ids are left as they are. */
    public void createAll(List<PublishJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
        for (PublishJob job : jobs) {
            bulk.operations(op -> op.create(c -> c.id(job.id()).document(job)));
        }
        BulkResponse response = bulk(bulk.build());
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 409) {
                throw new JobStoreException("Không lưu được công việc / could not store job " + item.id() + ": "
                        + item.error().reason(), null);
            }
        }
    }

    public Optional<StoredJob> get(String id) {
        try {
            GetResponse<PublishJob> response = client.get(g -> g.index(index).id(id), PublishJob.class);
            if (!response.found()) {
                return Optional.empty();
            }
            return Optional.of(new StoredJob(response.source(), response.seqNo(), response.primaryTerm()));
        } catch (IOException | ElasticsearchException e) {
            throw new JobStoreException("Không đọc được công việc / could not read job " + id, e);
        }
    }

    /**
     * Writes {@code updated} only if the document is still at {@code current}'s version.
     *
     * @return the new version, or empty when someone else changed the job first
     */
    public Optional<StoredJob> replace(StoredJob current, PublishJob updated) {
        try {
            IndexResponse response = client.index(i -> i.index(index).id(updated.id()).document(updated)
                    .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            return Optional.of(new StoredJob(updated, response.seqNo(), response.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw new JobStoreException("Không cập nhật được công việc / could not update job " + updated.id(), e);
        } catch (IOException e) {
            throw new JobStoreException("Không cập nhật được công việc / could not update job " + updated.id(), e);
        }
    }

    /**
     * Writes each of {@code updated} only if its job is still at the matching {@code current} version, all in one
     * request (an instance renews all its leases with one round trip, however many jobs it holds).
     *
     * @return per job, the version stored after the request: the new one; the unchanged {@code current} when the write
     *         failed for another reason (nothing was written, try again later); empty when someone else changed it first
     */
    public List<Optional<StoredJob>> replaceAll(List<StoredJob> current, List<PublishJob> updated) {
        if (current.isEmpty()) {
            return List.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
        for (int i = 0; i < current.size(); i++) {
            StoredJob before = current.get(i);
            PublishJob job = updated.get(i);
            bulk.operations(op -> op.index(x -> x.id(job.id()).document(job)
                    .ifSeqNo(before.seqNo()).ifPrimaryTerm(before.primaryTerm())));
        }
        BulkResponse response = bulk(bulk.build());
        List<Optional<StoredJob>> results = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                results.add(Optional.of(new StoredJob(updated.get(i), item.seqNo(), item.primaryTerm())));
            } else {
                results.add(item.status() == 409 ? Optional.empty() : Optional.of(current.get(i)));
            }
        }
        return results;
    }

    /**
     * Claims up to {@code max} jobs that are due (or whose lease ran out) for {@code owner}. Candidates are
     * read, shuffled (so competing instances mostly pick different jobs) and written back conditionally in
     * one bulk request; a candidate another instance got first simply fails its condition and is skipped.
     */
    public List<StoredJob> claim(String owner, Instant now, Instant leaseUntil, int max) {
        List<StoredJob> candidates = new ArrayList<>(claimable(now, max * 4));
        Collections.shuffle(candidates);
        candidates = candidates.subList(0, Math.min(max, candidates.size()));
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<PublishJob> claimed = new ArrayList<>();
        // Refreshed at once so the next search, ours or another instance's, no longer offers these jobs:
        // one refresh per batch, instead of competing for stale candidates until the next periodic refresh.
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).refresh(Refresh.True);
        for (StoredJob candidate : candidates) {
            PublishJob job = candidate.job().claimedBy(owner, now, leaseUntil);
            claimed.add(job);
            bulk.operations(op -> op.index(i -> i.id(job.id()).document(job)
                    .ifSeqNo(candidate.seqNo()).ifPrimaryTerm(candidate.primaryTerm())));
        }
        BulkResponse response = bulk(bulk.build());
        List<StoredJob> won = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                won.add(new StoredJob(claimed.get(i), item.seqNo(), item.primaryTerm()));
            }
        }
        return won;
    }

    /** Jobs a scheduler may take now, oldest first. */
    public List<StoredJob> claimable(Instant now, int max) {
        Query query = Query.of(q -> q.bool(b -> b
                .filter(f -> f.terms(t -> t.field("state").terms(v -> v.value(List.of(
                        FieldValue.of(JobState.PENDING.name()), FieldValue.of(JobState.CLAIMED.name()))))))
                .filter(f -> f.range(r -> r.date(d -> d.field("claimableAt").lte(now.toString()))))));
        return search(query, max, "claimableAt");
    }

    public List<StoredJob> byProduct(String productId) {
        return search(Query.of(q -> q.term(t -> t.field("productId").value(productId))), 1000, "dueAt");
    }

    public List<StoredJob> byRelease(String releaseId) {
        return search(Query.of(q -> q.term(t -> t.field("releaseId").value(releaseId))), 5000, "dueAt");
    }

    public List<StoredJob> byTargetAndState(String targetId, JobState state, int max) {
        return search(Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("targetId").value(targetId)))
                .filter(f -> f.term(t -> t.field("state").value(state.name()))))), max, "dueAt");
    }

    /** What goes out between {@code from} and {@code to} (the calendar), optionally for one campaign. */
    public List<StoredJob> dueBetween(Instant from, Instant to, String campaign, int max) {
        return search(Query.of(q -> q.bool(b -> {
            b.filter(f -> f.range(r -> r.date(d -> d.field("dueAt").gte(from.toString()).lt(to.toString()))));
            if (campaign != null) {
                b.filter(f -> f.term(t -> t.field("campaign").value(campaign)));
            }
            return b;
        })), max, "dueAt");
    }

    /** Jobs delivered (or changed after delivery) since {@code since}, oldest change first. */
    public List<StoredJob> deliveredSince(Instant since, int max) {
        return search(Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("state").value(JobState.DELIVERED.name())))
                .filter(f -> f.range(r -> r.date(d -> d.field("updatedAt").gte(since.toString())))))), max, "updatedAt");
    }

    /** Jobs in one state, most recently changed first (failed deliveries for the editors' dashboard). */
    public List<StoredJob> byState(JobState state, int max) {
        return search(Query.of(q -> q.term(t -> t.field("state").value(state.name()))), max, "updatedAt", SortOrder.Desc);
    }

    /** Delivered jobs whose unpublish time has come and that no instance is removing right now. */
    public List<StoredJob> dueForUnpublish(Instant now, int max) {
        return search(Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("state").value(JobState.DELIVERED.name())))
                .filter(f -> f.range(r -> r.date(d -> d.field("unpublishAt").lte(now.toString()))))
                .mustNot(m -> m.range(r -> r.date(d -> d.field("leaseUntil").gt(now.toString())))))), max, "unpublishAt");
    }

    /** Delivered jobs of one channel, newest first (the app feed's items). */
    public List<StoredJob> delivered(Channel channel, int max) {
        return search(Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("channel").value(channel.id())))
                .filter(f -> f.term(t -> t.field("state").value(JobState.DELIVERED.name()))))), max, "updatedAt", SortOrder.Desc);
    }

    /** Jobs still not delivered although they were due before {@code dueBefore}: missed schedules. */
    public List<StoredJob> overdue(Instant dueBefore, int max) {
        return search(Query.of(q -> q.bool(b -> b
                .filter(f -> f.terms(t -> t.field("state").terms(v -> v.value(List.of(
                        FieldValue.of(JobState.PENDING.name()), FieldValue.of(JobState.CLAIMED.name()),
                        FieldValue.of(JobState.PAUSED_TARGET.name()))))))
                .filter(f -> f.range(r -> r.date(d -> d.field("dueAt").lt(dueBefore.toString())))))), max, "dueAt");
    }

    /** How many posts of one channel were delivered, and how many of them per product (the products most posted first). */
    public record DeliveredPosts(Channel channel, long posts, Map<String, Long> perProduct) {
    }

    /**
     * Posts delivered to these targets that were due in [from, to), per channel and product: what a province's
     * report counts. The due time places a post in a period (delivery follows it within minutes); the totals per
     * channel are exact, the breakdown names at most {@code maxProducts} products per channel.
     */
    public List<DeliveredPosts> deliveredTo(Collection<String> targetIds, Instant from, Instant to, int maxProducts) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        List<FieldValue> targets = targetIds.stream().map(FieldValue::of).toList();
        try {
            SearchResponse<Void> response = client.search(s -> s.index(index).size(0)
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.terms(t -> t.field("targetId").terms(v -> v.value(targets))))
                            .filter(f -> f.term(t -> t.field("state").value(JobState.DELIVERED.name())))
                            .filter(f -> f.range(r -> r.date(d -> d.field("dueAt").gte(from.toString()).lt(to.toString()))))))
                    .aggregations("channels", a -> a.terms(t -> t.field("channel").size(MAX_CHANNELS))
                            .aggregations("products", p -> p.terms(t -> t.field("productId").size(maxProducts)))), Void.class);
            List<DeliveredPosts> posts = new ArrayList<>();
            for (StringTermsBucket channel : response.aggregations().get("channels").sterms().buckets().array()) {
                Map<String, Long> perProduct = new LinkedHashMap<>();
                for (StringTermsBucket product : channel.aggregations().get("products").sterms().buckets().array()) {
                    perProduct.put(product.key().stringValue(), product.docCount());
                }
                posts.add(new DeliveredPosts(new Channel(channel.key().stringValue()), channel.docCount(), perProduct));
            }
            return posts;
        } catch (IOException | ElasticsearchException e) {
            throw new JobStoreException("Không đếm được bài đã đăng / could not count delivered posts", e);
        }
    }

    /** The campaigns (at most {@code max}) with at least one post delivered that was due in [from, to): the waves held. */
    public List<String> deliveredCampaigns(Instant from, Instant to, int max) {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(index).size(0)
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("state").value(JobState.DELIVERED.name())))
                            .filter(f -> f.range(r -> r.date(d -> d.field("dueAt").gte(from.toString()).lt(to.toString()))))))
                    .aggregations("campaigns", a -> a.terms(t -> t.field("campaign").size(max))), Void.class);
            return response.aggregations().get("campaigns").sterms().buckets().array().stream()
                    .map(bucket -> bucket.key().stringValue()).sorted().toList();
        } catch (IOException | ElasticsearchException e) {
            throw new JobStoreException("Không đếm được đợt truyền thông / could not count campaigns", e);
        }
    }

    public long count(JobState state) {
        try {
            return client.count(c -> c.index(index).query(q -> q.term(t -> t.field("state").value(state.name())))).count();
        } catch (IOException | ElasticsearchException e) {
            throw new JobStoreException("Không đếm được công việc / could not count jobs", e);
        }
    }

    /** Makes recent writes visible to search; for tests and hand operations, not for the hot path. */
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException | ElasticsearchException e) {
            throw new JobStoreException("Không làm mới được chỉ mục / could not refresh index", e);
        }
    }

    private List<StoredJob> search(Query query, int max, String sortField) {
        return search(query, max, sortField, SortOrder.Asc);
    }

    private List<StoredJob> search(Query query, int max, String sortField, SortOrder order) {
        try {
            SearchResponse<PublishJob> response = client.search(s -> s.index(index).size(max).seqNoPrimaryTerm(true)
                    .query(query).sort(o -> o.field(f -> f.field(sortField).order(order))), PublishJob.class);
            List<StoredJob> jobs = new ArrayList<>();
            for (Hit<PublishJob> hit : response.hits().hits()) {
                jobs.add(new StoredJob(hit.source(), hit.seqNo(), hit.primaryTerm()));
            }
            return jobs;
        } catch (IOException | ElasticsearchException e) {
            throw new JobStoreException("Không tìm được công việc / could not search jobs", e);
        }
    }

    private BulkResponse bulk(BulkRequest request) {
        try {
            return client.bulk(request);
        } catch (IOException | ElasticsearchException e) {
            throw new JobStoreException("Elasticsearch bulk thất bại / bulk request failed", e);
        }
    }
}
