package vn.bhxh.cms.notification;

import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

/** People's notification settings and the e-mail outbox, in Elasticsearch (shared by every instance). */
@Service
class NotificationStore {

    /** E-mails one sending round takes at most; the rest wait for the next round, which follows at once. */
    static final int BATCH = 100;
    /** Waiting digest lines read at most per round. */
    static final int MAX_DIGEST_ITEMS = 5000;

    private static final DateTimeFormatter ES_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ElasticsearchOperations operations;
    private final ElasticsearchOperations waiting;
    private final IndexInitializer indices;

    NotificationStore(ElasticsearchOperations operations, IndexInitializer indices) {
        // The outbox is read by the sender after an explicit refresh; the actions that fill it never wait.
        this.operations = operations.withRefreshPolicy(RefreshPolicy.NONE);
        this.waiting = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
    }

    Optional<NotificationSettings> settings(String username) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(username, NotificationSettings.class));
    }

    /** The settings of these people; those who never chose are left out. */
    Map<String, NotificationSettings> settings(Collection<String> usernames) {
        Map<String, NotificationSettings> found = new HashMap<>();
        if (usernames.isEmpty()) {
            return found;
        }
        indices.requireReady();
        operations.multiGet(NativeQuery.builder().withIds(List.copyOf(usernames)).build(), NotificationSettings.class).stream()
                .filter(m -> m.getItem() != null).forEach(m -> found.put(m.getItem().username(), m.getItem()));
        return found;
    }

    NotificationSettings save(NotificationSettings settings) {
        indices.requireReady();
        return waiting.save(settings);
    }

    void enqueue(List<OutgoingMail> mails) {
        indices.requireReady();
        if (!mails.isEmpty()) {
            operations.save(mails);
        }
    }

    /** Creates an e-mail that must exist once only (a digest for one person and day): false when it already exists. */
    boolean createOnce(OutgoingMail mail) {
        IndexQuery query = new IndexQueryBuilder().withId(mail.id()).withObject(mail).withOpType(IndexQuery.OpType.CREATE).build();
        try {
            operations.index(query, operations.getIndexCoordinatesFor(OutgoingMail.class));
            return true;
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                return false;
            }
            throw e;
        }
    }

    /** E-mails to send now: waiting, not for a digest, their next attempt due; oldest first. */
    List<OutgoingMail> due(Instant now) {
        indices.requireReady();
        operations.indexOps(OutgoingMail.class).refresh();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("state").value(MailState.PENDING.name())))
                        .filter(f -> f.term(t -> t.field("digest").value(false)))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("nextAttemptAt").lte(JsonData.of(esTime(now))))))))
                .withPageable(PageRequest.of(0, BATCH, Sort.by("createdAt"))).build();
        return operations.search(query, OutgoingMail.class).stream().map(SearchHit::getContent).toList();
    }

    /** Digest lines written before {@code cutoff} that no digest has taken yet, oldest first. */
    List<OutgoingMail> digestItems(Instant cutoff) {
        indices.requireReady();
        operations.indexOps(OutgoingMail.class).refresh();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("state").value(MailState.PENDING.name())))
                        .filter(f -> f.term(t -> t.field("digest").value(true)))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("createdAt").lt(JsonData.of(esTime(cutoff))))))))
                .withPageable(PageRequest.of(0, MAX_DIGEST_ITEMS, Sort.by("createdAt"))).build();
        return operations.search(query, OutgoingMail.class).stream().map(SearchHit::getContent).toList();
    }

    /** Saves a change made from the version read: false when another instance changed it first (it owns it now). */
    boolean saveIfUnchanged(OutgoingMail mail) {
        try {
            operations.save(mail);
            return true;
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The saved e-mail with its current version (for the change that follows a claim). */
    OutgoingMail reread(String id) {
        return operations.get(id, OutgoingMail.class);
    }

    /**
     * An instant as the index's {@code date_time} format reads it: always with milliseconds ({@code Instant.toString()}
     * leaves them out at a whole second, which that format refuses).
     */
    static String esTime(Instant instant) {
        return ES_TIME.format(instant);
    }

    /** Everything sent or waiting for one person, newest first (tests and support). */
    List<OutgoingMail> ofUser(String username, int size) {
        indices.requireReady();
        operations.indexOps(OutgoingMail.class).refresh();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.term(t -> t.field("username").value(username)))
                .withPageable(PageRequest.of(0, size, Sort.by(Sort.Direction.DESC, "createdAt"))).build();
        return operations.search(query, OutgoingMail.class).stream().map(SearchHit::getContent).toList();
    }
}
