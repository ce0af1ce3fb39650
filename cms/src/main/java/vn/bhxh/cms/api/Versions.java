package vn.bhxh.cms.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/** ETags are the document's Elasticsearch seq_no and primary_term: {@code "12-1"}. */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d+)-(\\d+)\"$");

    private Versions() {
    }

    public static String etag(SeqNoPrimaryTerm version) {
        return "\"" + version.sequenceNumber() + "-" + version.primaryTerm() + "\"";
    }

    /** The version a write was made from; a write without If-Match is refused (428), never applied blindly. */
    public static SeqNoPrimaryTerm fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        Matcher matcher = ETAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new PreconditionRequiredException();
        }
        return new SeqNoPrimaryTerm(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    /** 428: the request must say which version it was made from. */
    public static class PreconditionRequiredException extends RuntimeException {
        public PreconditionRequiredException() {
            super("If-Match with the ETag of the version the change was made from is required");
        }
    }
}
