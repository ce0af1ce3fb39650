package vn.bhxh.cms.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A web session as one request sees it, remembering what the request changed (attributes set or removed, the
 * timeout, a new id) so that saving writes only that over whatever other instances stored meanwhile.
 */
final class SharedSession implements Session {

    private final MapSession values;
    /** The id it is stored under; null while it has never been stored. */
    private String storedId;
    private Instant storedLastAccess;
    private final Set<String> changedAttributes = new HashSet<>();
    private boolean timeoutChanged;

    private SharedSession(MapSession values, String storedId) {
        this.values = values;
        this.storedId = storedId;
        this.storedLastAccess = values.getLastAccessedTime();
    }

    static SharedSession created(Duration timeout) {
        MapSession values = new MapSession();
        values.setMaxInactiveInterval(timeout);
        return new SharedSession(values, null);
    }

    static SharedSession loaded(MapSession values) {
        return new SharedSession(values, values.getId());
    }

    boolean isNew() {
        return storedId == null;
    }

    String storedId() {
        return storedId;
    }

    boolean idChanged() {
        return storedId != null && !storedId.equals(getId());
    }

    Set<String> changedAttributes() {
        return Set.copyOf(changedAttributes);
    }

    boolean timeoutChanged() {
        return timeoutChanged;
    }

    Instant storedLastAccess() {
        return storedLastAccess;
    }

    /** What was saved is now what is stored. */
    void stored() {
        storedId = getId();
        storedLastAccess = getLastAccessedTime();
        changedAttributes.clear();
        timeoutChanged = false;
    }

    Instant expiresAt() {
        return getLastAccessedTime().plus(getMaxInactiveInterval());
    }

    @Override
    public String getId() {
        return values.getId();
    }

    @Override
    public String changeSessionId() {
        return values.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String attributeName) {
        return values.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
        return values.getAttributeNames();
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
        values.setAttribute(attributeName, attributeValue);
        changedAttributes.add(attributeName);
    }

    @Override
    public void removeAttribute(String attributeName) {
        values.removeAttribute(attributeName);
        changedAttributes.add(attributeName);
    }

    @Override
    public Instant getCreationTime() {
        return values.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        values.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
        return values.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        values.setMaxInactiveInterval(interval);
        timeoutChanged = true;
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return values.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
        return values.isExpired();
    }
}
