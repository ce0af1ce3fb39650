package vn.bhxh.media.upload;

/** A resumable-upload request that cannot be honoured; the HTTP status is the one tus prescribes. */
public class UploadException extends Exception {

    public enum Kind {
        /** No such upload, or it expired (tus: 404, or 410 Gone). */
        NOT_FOUND(404),
        /** PATCH at an offset other than the current one (tus: 409 Conflict). */
        OFFSET_MISMATCH(409),
        /** Another request is writing this upload right now. */
        BUSY(423),
        /** More bytes than Upload-Length (tus: 413). */
        PAST_LENGTH(413),
        /** Ingest asked for before the last byte arrived. */
        INCOMPLETE(409);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    public UploadException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
