package vn.bhxh.publisher.schedule;

import vn.bhxh.publisher.job.StoredJob;

import java.time.Instant;

/**
 * A job this instance holds, from its claim until its outcome is recorded: the latest stored version (every lease
 * renewal and connector note changes it) and the thread delivering it. Its monitor orders every write to the job,
 * so a renewal never races the outcome, and an interrupt for a lost lease never reaches the thread's next job.
 */
final class HeldJob {

    private volatile StoredJob stored;
    private Thread delivering;
    private boolean lost;

    HeldJob(StoredJob claimed) {
        this.stored = claimed;
    }

    StoredJob stored() {
        return stored;
    }

    String id() {
        return stored.job().id();
    }

    /** Callers hold this object's monitor. */
    void update(StoredJob newer) {
        stored = newer;
    }

    /**
     * Marks the delivery as started by the calling thread; false, and nothing starts, when the lease is lost or has
     * run out (renewals failed): another instance may have the job by now, and a second post must not begin.
     */
    synchronized boolean begin(Instant now) {
        if (lost || !stored.job().leaseUntil().isAfter(now)) {
            return false;
        }
        delivering = Thread.currentThread();
        return true;
    }

    /** Another instance took the job: the delivery under way is cut short (its outcome could not be recorded anyway). */
    synchronized void lose() {
        lost = true;
        if (delivering != null) {
            delivering.interrupt();
        }
    }

    synchronized boolean lost() {
        return lost;
    }

    /** The delivery is over; an interrupt that arrived too late for it is cleared so the thread's next job is spared. */
    synchronized void end() {
        if (delivering == Thread.currentThread()) {
            delivering = null;
            Thread.interrupted();
        }
    }
}
