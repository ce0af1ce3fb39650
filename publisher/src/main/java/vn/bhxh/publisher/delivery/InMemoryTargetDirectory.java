package vn.bhxh.publisher.delivery;

import vn.bhxh.publisher.crypto.SealedSecret;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Targets held in memory: for tests, demos and a single-instance setup. */
public final class InMemoryTargetDirectory implements TargetDirectory {

    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Map<String, String> pauses = new ConcurrentHashMap<>();

    public InMemoryTargetDirectory add(Target target) {
        targets.put(target.id(), target);
        return this;
    }

    @Override
    public Optional<Target> find(String targetId) {
        return Optional.ofNullable(targets.get(targetId));
    }

    @Override
    public void pause(String targetId, String reason) {
        pauses.put(targetId, reason);
    }

    @Override
    public void resume(String targetId) {
        pauses.remove(targetId);
    }

    @Override
    public boolean paused(String targetId) {
        return pauses.containsKey(targetId);
    }

    @Override
    public void replaceCredentials(String targetId, SealedSecret credentials) {
        targets.computeIfPresent(targetId, (id, t) -> new Target(t.id(), t.channel(), t.name(), t.endpoint(), t.account(),
                credentials, t.minInterval(), t.adminContacts()));
    }
}
