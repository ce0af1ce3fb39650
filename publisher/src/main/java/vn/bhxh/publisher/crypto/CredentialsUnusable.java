package vn.bhxh.publisher.crypto;

/**
 * A target's stored credential is missing or cannot be read. Only a person can fix that, so a delivery that meets it
 * fails at once instead of being retried. The message is the sentence people see: what is wrong and what to do, in
 * Vietnamese, naming no field code.
 */
public final class CredentialsUnusable extends IllegalStateException {

    public CredentialsUnusable(String sentence) {
        super(sentence);
    }
}
