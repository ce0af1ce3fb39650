package vn.bhxh.cms.distribution;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.query.IndexQuery;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.elasticsearch.VersionConflicts;
import vn.bhxh.publisher.crypto.SealedSecret;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetDirectory;

/**
 * The channel targets, kept in Elasticsearch so that every instance's scheduler sees the same accounts, pauses and
 * renewed tokens. Writes wait for the refresh: an admin reads the list right after saving.
 */
@Component
class TargetStore implements TargetDirectory {

    static final int MAX_TARGETS = 1000;

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;
    private final Clock clock;

    TargetStore(ElasticsearchOperations operations, IndexInitializer indices, Clock clock) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
        this.clock = clock;
    }

    Optional<ChannelTarget> get(String id) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(id, ChannelTarget.class));
    }

    List<ChannelTarget> list() {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.matchAll(m -> m))
                .withPageable(PageRequest.of(0, MAX_TARGETS, Sort.by("createdAt"))).build();
        return operations.search(query, ChannelTarget.class).stream().map(SearchHit::getContent).toList();
    }

    /** Creates a target that must not exist yet. */
    void create(ChannelTarget target) {
        indices.requireReady();
        IndexQuery query = new IndexQueryBuilder().withId(target.id()).withObject(target).withOpType(IndexQuery.OpType.CREATE).build();
        operations.index(query, operations.getIndexCoordinatesFor(ChannelTarget.class));
    }

    /** Saves conditionally on the version the target was read at. */
    ChannelTarget save(ChannelTarget target) {
        return operations.save(target);
    }

    @Override
    public Optional<Target> find(String targetId) {
        return get(targetId).map(TargetStore::target);
    }

    @Override
    public void pause(String targetId, String reason) {
        update(targetId, t -> t.withPause(true, reason, clock.instant()));
    }

    @Override
    public void resume(String targetId) {
        update(targetId, t -> t.withPause(false, null, clock.instant()));
    }

    @Override
    public boolean paused(String targetId) {
        return get(targetId).map(ChannelTarget::paused).orElse(false);
    }

    /** Zalo refresh tokens are single-use: the renewed pair is stored at once, whoever else writes the target. */
    @Override
    public void replaceCredentials(String targetId, SealedSecret credentials) {
        update(targetId, t -> t.withCredentials(credentials.value(), t.credentialNames(), clock.instant()));
    }

    private void update(String targetId, UnaryOperator<ChannelTarget> change) {
        VersionConflicts.retry(() -> get(targetId).ifPresent(current -> save(change.apply(current))));
    }

    static Target target(ChannelTarget t) {
        return new Target(t.id(), t.channel(), t.name(), t.endpoint() == null ? null : URI.create(t.endpoint()), t.account(),
                t.sealedCredentials() == null ? null : new SealedSecret(t.sealedCredentials()),
                Duration.ofSeconds(t.minIntervalSeconds()), t.adminContacts());
    }
}
