package vn.bhxh.media.process;

/** A request a worker JVM did not answer with a result; the kind says why, the detail is one line for the reason. */
public final class WorkerFailure extends Exception {

    public enum Kind {
        /** The worker ran the job and reported that it failed (an unreadable file); the worker stays. */
        JOB_FAILED,
        /** No answer within the request's time limit; the worker was killed. */
        TIMED_OUT,
        /** The worker exited because its heap limit was reached. */
        OUT_OF_MEMORY,
        /** The worker died otherwise, failed to start, or broke the protocol. */
        CRASHED
    }

    private final Kind kind;
    private final String detail;

    WorkerFailure(Kind kind, String detail) {
        super(kind + ": " + detail);
        this.kind = kind;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
