package vn.bhxh.templates.template;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps overrides in memory: for tests, previews without a cluster, and as the reference behaviour. */
public final class InMemoryTemplateRepository implements TemplateRepository {

    private final Map<TemplateKey, List<TemplateVersion>> versions = new LinkedHashMap<>();

    @Override
    public synchronized Optional<TemplateVersion> latest(TemplateKey key) {
        List<TemplateVersion> history = versions.getOrDefault(key, List.of());
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    }

    @Override
    public synchronized List<TemplateVersion> history(TemplateKey key) {
        return List.copyOf(versions.getOrDefault(key, List.of()));
    }

    @Override
    public synchronized List<TemplateKey> keys() {
        return List.copyOf(versions.keySet());
    }

    @Override
    public synchronized TemplateVersion append(TemplateKey key, int expectedLatestVersion, Optional<String> source,
                                               String savedBy, Instant savedAt) {
        int latest = versions.getOrDefault(key, List.of()).size();
        if (latest != expectedLatestVersion) {
            throw new ConcurrentTemplateChangeException(key, expectedLatestVersion, latest);
        }
        List<TemplateVersion> history = versions.computeIfAbsent(key, k -> new ArrayList<>());
        TemplateVersion version = new TemplateVersion(key, latest + 1, source, savedBy, savedAt);
        history.add(version);
        return version;
    }
}
