package vn.bhxh.elasticsearch.node;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which Elasticsearch the tests use, from the system property {@code bhxh.test.elasticsearch}: {@code managed} (the
 * default: the node this module starts from the Maven Central distribution, no Docker needed) or {@code testcontainers}
 * (the full Elasticsearch distribution in a container, for a CI that has Docker). The default never asks for Docker.
 */
public enum TestElasticsearchChoice {
    MANAGED,
    TESTCONTAINERS;

    public static final String PROPERTY = "bhxh.test.elasticsearch";

    /** The choice the property makes; unset or blank is the managed node. */
    public static TestElasticsearchChoice of(String property) {
        if (property == null || property.isBlank()) {
            return MANAGED;
        }
        try {
            return valueOf(property.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ElasticsearchNodeException(PROPERTY + "=" + property + " is not a choice: use "
                    + String.join(" or ", Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()) + ".");
        }
    }

    public static TestElasticsearchChoice configured() {
        return of(System.getProperty(PROPERTY));
    }

    /**
     * Checks that this choice can run here: only Testcontainers asks for Docker, and without it stops with one sentence.
     *
     * @param docker asked only for the Testcontainers choice
     */
    public void checkUsable(Supplier<DockerProbe> docker) {
        if (this == TESTCONTAINERS) {
            docker.get().unavailable().ifPresent(tried -> {
                throw new ElasticsearchNodeException(noDockerSentence(tried));
            });
        }
    }

    static String noDockerSentence(String tried) {
        return PROPERTY + "=testcontainers needs Docker, but no Docker daemon answered (tried " + tried
                + "): start Docker, or run the tests without that property to use the managed Elasticsearch node.";
    }
}
