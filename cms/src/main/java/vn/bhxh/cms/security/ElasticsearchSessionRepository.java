package vn.bhxh.cms.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.elasticsearch.NoSuchIndexException;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;
import co.elastic.clients.json.JsonData;
import vn.bhxh.cms.elasticsearch.DocumentVersions;
import vn.bhxh.cms.elasticsearch.VersionConflicts;

/**
 * Spring Session's store for the web pages' sessions, in Elasticsearch (index {@code web-sessions}), so a round-robin
 * load balancer may send each request of a signed-in browser to any instance.
 *
 * <p>Why Elasticsearch and not Redis: it is already the system of record every instance reaches, replicated across
 * the cluster, with the timeouts and 503s of a hung cluster already handled; Redis would be one more server to run,
 * secure, replicate and back up for a few hundred sessions. The price is a realtime get per page request that uses its
 * session (about a millisecond) and a write when the request changed it, so reads and writes stay small.
 *
 * <p>Saving writes only what the request changed, as a compare-and-set on the session document (retried when another
 * instance saved the same session meanwhile): an image request that finishes after the sign-in on another instance
 * cannot put back the signed-out session. The last-access time is written when it moved by {@link #TOUCH_EVERY} or
 * more, not on every request; a session may so end up to that much earlier than its timeout says (8 hours).
 */
final class ElasticsearchSessionRepository implements SessionRepository<SharedSession> {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** Expired sessions removed per clean-up run (the rest on the next runs). */
    static final int MAX_REMOVED_PER_RUN = 5_000;
    private static final int MAX_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSessionRepository.class);

    private final ElasticsearchOperations operations;
    private final Duration timeout;
    private final Clock clock;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    ElasticsearchSessionRepository(ElasticsearchOperations operations, Duration timeout, Clock clock, ClassLoader classLoader) {
        // Realtime gets read every write at once; only the clean-up searches.
        this.operations = operations.withRefreshPolicy(RefreshPolicy.NONE);
        this.timeout = timeout;
        this.clock = clock;
        this.deserializer = new DeserializingConverter(classLoader);
    }

    @Override
    public SharedSession createSession() {
        SharedSession session = SharedSession.created(timeout);
        session.setLastAccessedTime(clock.instant());
        return session;
    }

    @Override
    public void save(SharedSession session) {
        if (session.isNew() || session.idChanged()) {
            // A new session, or a new id at sign-in (session fixation): everything under the new id, the old id gone.
            String old = session.idChanged() ? session.storedId() : null;
            operations.index(DocumentVersions.conditionalWrite(session.getId(), whole(session), null), index());
            if (old != null) {
                deleteById(old);
            }
            session.stored();
            return;
        }
        boolean touched = Duration.between(session.storedLastAccess(), session.getLastAccessedTime()).compareTo(TOUCH_EVERY) >= 0;
        if (session.changedAttributes().isEmpty() && !session.timeoutChanged() && !touched) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            WebSession current = operations.get(session.getId(), WebSession.class);
            try {
                if (current == null) {
                    // Signed out or expired on another instance meanwhile: what this request changed is all there is.
                    operations.index(DocumentVersions.conditionalWrite(session.getId(), whole(session), null), index());
                } else {
                    operations.index(DocumentVersions.conditionalWrite(session.getId(), merged(current, session),
                            current.seqNoPrimaryTerm()), index());
                }
                session.stored();
                return;
            } catch (RuntimeException e) {
                if (!VersionConflicts.is(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public SharedSession findById(String id) {
        WebSession stored;
        try {
            stored = operations.get(id, WebSession.class);
        } catch (NoSuchIndexException e) {
            return null; // the index is created at start-up; until then nobody has a session
        }
        if (stored == null) {
            return null;
        }
        if (!stored.expiresAt().isAfter(clock.instant())) {
            deleteById(id);
            return null;
        }
        MapSession values = new MapSession(id);
        values.setCreationTime(stored.createdAt());
        values.setLastAccessedTime(stored.lastAccessedAt());
        values.setMaxInactiveInterval(Duration.ofSeconds(stored.maxInactiveSeconds()));
        for (WebSession.Attribute attribute : stored.attributes()) {
            Object value = read(attribute);
            if (value != null) {
                values.setAttribute(attribute.name(), value);
            }
        }
        return SharedSession.loaded(values);
    }

    @Override
    public void deleteById(String id) {
        operations.delete(id, index());
    }

    /** Removes sessions that ended; called by every instance now and then (no delete-by-query on the managed node). */
    int deleteExpired() {
        operations.indexOps(WebSession.class).refresh();
        NativeQuery expired = NativeQuery.builder()
                .withQuery(q -> q.range(r -> r.untyped(u -> u.field("expiresAt")
                        .lt(JsonData.of(clock.instant().toEpochMilli())).format("epoch_millis"))))
                .withPageable(PageRequest.of(0, MAX_REMOVED_PER_RUN))
                .withSourceFilter(new org.springframework.data.elasticsearch.core.query.FetchSourceFilter(true, new String[] {"expiresAt"}, null))
                .build();
        List<String> ids = operations.search(expired, WebSession.class).stream().map(SearchHit::getId).toList();
        ids.forEach(this::deleteById);
        return ids.size();
    }

    private WebSession whole(SharedSession session) {
        List<WebSession.Attribute> attributes = new ArrayList<>();
        for (String name : session.getAttributeNames()) {
            attributes.add(new WebSession.Attribute(name, write(session.getAttribute(name))));
        }
        return document(session, session.getMaxInactiveInterval(), attributes);
    }

    /** What is stored, with this request's changes on top. */
    private WebSession merged(WebSession current, SharedSession session) {
        Map<String, String> attributes = new LinkedHashMap<>();
        current.attributes().forEach(a -> attributes.put(a.name(), a.value()));
        for (String name : session.changedAttributes()) {
            Object value = session.getAttribute(name);
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, write(value));
            }
        }
        Duration inactive = session.timeoutChanged() ? session.getMaxInactiveInterval() : Duration.ofSeconds(current.maxInactiveSeconds());
        Instant lastAccess = current.lastAccessedAt().isAfter(session.getLastAccessedTime())
                ? current.lastAccessedAt() : session.getLastAccessedTime();
        return new WebSession(current.id(), current.createdAt(), lastAccess, inactive.toSeconds(), lastAccess.plus(inactive),
                attributes.entrySet().stream().map(e -> new WebSession.Attribute(e.getKey(), e.getValue())).toList(), null);
    }

    private static WebSession document(SharedSession session, Duration inactive, List<WebSession.Attribute> attributes) {
        return new WebSession(session.getId(), session.getCreationTime(), session.getLastAccessedTime(), inactive.toSeconds(),
                session.getLastAccessedTime().plus(inactive), attributes, null);
    }

    private String write(Object value) {
        return Base64.getEncoder().encodeToString(serializer.convert(value));
    }

    /** A value that no longer reads (its class changed in a new release) is dropped: at worst the user signs in again. */
    private Object read(WebSession.Attribute attribute) {
        try {
            return deserializer.convert(Base64.getDecoder().decode(attribute.value()));
        } catch (RuntimeException e) {
            log.info("Bỏ thuộc tính phiên không đọc được / dropping session attribute {} that no longer reads: {}",
                    attribute.name(), e.getMessage());
            return null;
        }
    }

    private IndexCoordinates index() {
        return operations.getIndexCoordinatesFor(WebSession.class);
    }
}
