package vn.bhxh.cms.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.query.IndexQuery;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.elasticsearch.VersionConflicts;

/** The provinces' reminder addresses and the reminders sent, in Elasticsearch (shared by every instance). */
@Service
class ReminderStore {

    /** 34 provinces × a few periods a year: far more than one period ever has. */
    static final int MAX_REMINDERS = 500;
    /** 34 provinces since the 2025 merger (63 before): room for either. */
    static final int MAX_PROVINCES = 100;

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    ReminderStore(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
    }

    Optional<ProvinceContacts> contacts(String province) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(province, ProvinceContacts.class));
    }

    /** Every province's reminder addresses, by province code. */
    Map<String, List<String>> allContacts() {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.matchAll(m -> m))
                .withPageable(PageRequest.of(0, MAX_PROVINCES)).build();
        return operations.search(query, ProvinceContacts.class).stream().map(SearchHit::getContent)
                .collect(Collectors.toMap(ProvinceContacts::province, ProvinceContacts::emails));
    }

    ProvinceContacts saveContacts(ProvinceContacts contacts) {
        indices.requireReady();
        return operations.save(contacts);
    }

    /** Claims a reminder: true for the one caller that created it, false when it was already sent (or being sent). */
    boolean claim(SentReminder reminder) {
        indices.requireReady();
        IndexQuery query = new IndexQueryBuilder().withId(reminder.id()).withObject(reminder).withOpType(IndexQuery.OpType.CREATE)
                .build();
        try {
            operations.index(query, operations.getIndexCoordinatesFor(SentReminder.class));
            return true;
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Gives a claim up when the e-mail could not be sent, so that a later run tries again. */
    void release(SentReminder reminder) {
        operations.delete(reminder.id(), SentReminder.class);
    }

    List<SentReminder> ofPeriod(String period) {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.term(t -> t.field("period").value(period)))
                .withPageable(PageRequest.of(0, MAX_REMINDERS, Sort.by("province"))).build();
        return operations.search(query, SentReminder.class).stream().map(SearchHit::getContent).toList();
    }
}
