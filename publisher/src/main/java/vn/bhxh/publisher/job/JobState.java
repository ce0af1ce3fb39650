package vn.bhxh.publisher.job;

/** Where a publish job is in its life. Only PENDING and CLAIMED jobs are ever picked up by a scheduler. */
public enum JobState {
    PENDING, CLAIMED, DELIVERED, FAILED, CANCELLED, HELD, PAUSED_TARGET;

    public boolean claimable() {
        return this == PENDING || this == CLAIMED;
    }
}
