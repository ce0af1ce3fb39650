package vn.bhxh.cms.elasticsearch;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Conditional writes (seq_no/primary_term, op_type=create) that lost to someone else's write. Spring Data translates
 * some of them to {@link OptimisticLockingFailureException}; others reach us as Elasticsearch's own error.
 */
public final class VersionConflicts {

    /** A background update re-reads and tries again this many times before giving up. */
    static final int ATTEMPTS = 5;

    private VersionConflicts() {
    }

    public static boolean is(RuntimeException e) {
        return e instanceof OptimisticLockingFailureException
                || (e.getMessage() != null && e.getMessage().contains("version_conflict_engine_exception"));
    }

    /**
     * Runs a read-modify-write that is not the user's own (their write gets 412 instead): when someone else saved first
     * it simply runs again, reading the new version.
     */
    public static void retry(Runnable update) {
        for (int attempt = 1; ; attempt++) {
            try {
                update.run();
                return;
            } catch (RuntimeException e) {
                if (!is(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
