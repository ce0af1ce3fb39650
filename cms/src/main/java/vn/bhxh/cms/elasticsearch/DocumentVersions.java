package vn.bhxh.cms.elasticsearch;

import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.query.IndexQuery;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.stereotype.Component;

/**
 * The seq_no/primary_term of documents whose records do not carry it (users, reference data), and writes made
 * conditional on it: the ETag and If-Match of those resources without changing what the documents hold.
 */
@Component
public class DocumentVersions {

    private final ElasticsearchOperations operations;

    public DocumentVersions(ElasticsearchOperations operations) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
    }

    /** The version of the stored document of {@code type} with this id, if there is one (a realtime get). */
    public Optional<SeqNoPrimaryTerm> current(Class<?> type, String id) {
        return Optional.ofNullable(operations.get(id, Version.class, operations.getIndexCoordinatesFor(type)))
                .map(Version::seqNoPrimaryTerm);
    }

    /**
     * Writes the document only if the stored one is still at {@code expected} (none stored when null); a version
     * conflict otherwise (see {@link VersionConflicts#is}). Returns the new version.
     */
    public SeqNoPrimaryTerm write(String id, Object document, SeqNoPrimaryTerm expected) {
        operations.index(conditionalWrite(id, document, expected), operations.getIndexCoordinatesFor(document.getClass()));
        return current(document.getClass(), id).orElseThrow();
    }

    /**
     * The write of {@code document} that succeeds only if the stored one is still at {@code current}: a create when there
     * was none (null), a replace conditional on its seq_no/primary_term otherwise.
     */
    public static IndexQuery conditionalWrite(String id, Object document, SeqNoPrimaryTerm current) {
        IndexQueryBuilder query = new IndexQueryBuilder().withId(id).withObject(document);
        return (current == null ? query.withOpType(IndexQuery.OpType.CREATE) : query.withSeqNoPrimaryTerm(current)).build();
    }

    /** Only the id and the version of any document: read with the index of the real document class. */
    @Document(indexName = "document-version-lookup", createIndex = false)
    record Version(@Id String id, SeqNoPrimaryTerm seqNoPrimaryTerm) {
    }
}
