package vn.bhxh.cms.elasticsearch;

import java.util.List;

/**
 * Work that must happen before the indices are created or migrated, under the start-up lock (restoring a backup into
 * an empty installation). Declared as a bean by the feature that needs it.
 */
public interface IndexPreparation {

    /** @param indices every index the application manages, at the versions this build expects */
    void beforeIndices(List<IndexDefinition> indices);
}
