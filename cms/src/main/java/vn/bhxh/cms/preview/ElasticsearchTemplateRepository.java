package vn.bhxh.cms.preview;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;
import org.springframework.data.elasticsearch.core.query.IndexQuery;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.elasticsearch.VersionConflicts;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.template.ConcurrentTemplateChangeException;
import vn.bhxh.templates.template.TemplateKey;
import vn.bhxh.templates.template.TemplateRepository;
import vn.bhxh.templates.template.TemplateVersion;

/** Template overrides and their versions in Elasticsearch. */
@Component
class ElasticsearchTemplateRepository implements TemplateRepository {

    static final int MAX_VERSIONS = 1000;
    static final int MAX_OVERRIDDEN = 10_000;

    private final ElasticsearchOperations operations;

    ElasticsearchTemplateRepository(ElasticsearchOperations operations) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
    }

    @Override
    public Optional<TemplateVersion> latest(TemplateKey key) {
        return versions(key, Sort.Direction.DESC, 1).stream().findFirst();
    }

    @Override
    public List<TemplateVersion> history(TemplateKey key) {
        return versions(key, Sort.Direction.ASC, MAX_VERSIONS);
    }

    @Override
    public List<TemplateKey> keys() {
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.term(t -> t.field("version").value(1)))
                .withPageable(PageRequest.of(0, MAX_OVERRIDDEN)).build();
        return operations.search(query, TemplateOverride.class).stream().map(SearchHit::getContent)
                .map(o -> new TemplateKey(TemplateSlot.valueOf(o.slot()), o.languageTag())).toList();
    }

    @Override
    public TemplateVersion append(TemplateKey key, int expectedLatestVersion, Optional<String> source, String savedBy,
            Instant savedAt) {
        int latest = latest(key).map(TemplateVersion::version).orElse(0);
        if (latest != expectedLatestVersion) {
            throw new ConcurrentTemplateChangeException(key, expectedLatestVersion, latest);
        }
        int next = latest + 1;
        TemplateOverride document = new TemplateOverride(key.id() + "/" + next, key.id(), key.slot().name(), key.languageTag(),
                next, source.orElse(null), savedBy, savedAt);
        IndexQuery create = new IndexQueryBuilder().withId(document.id()).withObject(document)
                .withOpType(IndexQuery.OpType.CREATE).build();
        try {
            operations.index(create, IndexCoordinates.of("template-overrides"));
        } catch (RuntimeException e) {
            if (!VersionConflicts.is(e)) {
                throw e;
            }
            // The same version id created meanwhile by someone else: op_type=create makes the second one fail.
            throw new ConcurrentTemplateChangeException(key, expectedLatestVersion, latest(key).map(TemplateVersion::version).orElse(0));
        }
        return toVersion(document);
    }

    private List<TemplateVersion> versions(TemplateKey key, Sort.Direction direction, int size) {
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.term(t -> t.field("keyId").value(key.id())))
                .withPageable(PageRequest.of(0, size, Sort.by(direction, "version"))).build();
        return operations.search(query, TemplateOverride.class).stream().map(SearchHit::getContent)
                .map(ElasticsearchTemplateRepository::toVersion).toList();
    }

    private static TemplateVersion toVersion(TemplateOverride o) {
        return new TemplateVersion(new TemplateKey(TemplateSlot.valueOf(o.slot()), o.languageTag()), o.version(),
                Optional.ofNullable(o.source()), o.savedBy(), o.savedAt());
    }
}
