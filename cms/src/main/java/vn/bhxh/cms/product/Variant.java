package vn.bhxh.cms.product;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * One language of a product: Vietnamese (the source) or a translation, with its own texts, files and workflow
 * state. The id is {@code <productId>~<language>}.
 *
 * @param revision increases with every saved change of the content (0: a translation requested, not written yet)
 * @param sourceRevision for a translation, the revision of the Vietnamese variant it was made from
 * @param outdated the Vietnamese source changed after this translation was made or confirmed
 * @param editors everyone who ever changed this variant's content: none of them may review or approve it
 * @param product the product's own fields, copied for search, facets and access filters
 */
@Document(indexName = "variants", createIndex = false)
public record Variant(
        @Id String id,
        @Field(type = FieldType.Keyword) String productId,
        @Field(type = FieldType.Keyword) String language,
        @Field(type = FieldType.Object) VariantContent content,
        @Field(type = FieldType.Keyword) WorkflowState state,
        @Field(type = FieldType.Integer) int revision,
        @Field(type = FieldType.Integer) Integer sourceRevision,
        @Field(type = FieldType.Boolean) boolean outdated,
        @Field(type = FieldType.Keyword) Set<String> editors,
        @Field(type = FieldType.Keyword) String reviewedBy,
        @Field(type = FieldType.Keyword) String approvedBy,
        @Field(type = FieldType.Object) ProductInfo product,
        @Field(type = FieldType.Object) SearchText search,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant createdAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant updatedAt,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    public static final String SOURCE_LANGUAGE = "vi";

    public Variant {
        editors = editors == null ? Set.of() : Set.copyOf(editors);
        content = content == null ? VariantContent.EMPTY : content;
    }

    public static String id(String productId, String language) {
        return productId + "~" + language;
    }

    public boolean isSource() {
        return SOURCE_LANGUAGE.equals(language);
    }

    public boolean editedBy(String username) {
        return editors.contains(username);
    }

    public Variant withContent(VariantContent newContent, String editor, WorkflowState newState, SearchText newSearch,
            Instant now) {
        Set<String> allEditors = new HashSet<>(editors);
        allEditors.add(editor);
        return new Variant(id, productId, language, newContent, newState, revision + 1, sourceRevision, outdated, allEditors,
                newState == WorkflowState.DRAFT ? null : reviewedBy, newState == WorkflowState.DRAFT ? null : approvedBy,
                product, newSearch, createdAt, now, seqNoPrimaryTerm);
    }

    public Variant withState(WorkflowState newState, String reviewer, String approver, Instant now) {
        return new Variant(id, productId, language, content, newState, revision, sourceRevision, outdated, editors, reviewer,
                approver, product, search, createdAt, now, seqNoPrimaryTerm);
    }

    public Variant withSource(Integer newSourceRevision, boolean isOutdated, Instant now) {
        return new Variant(id, productId, language, content, state, revision, newSourceRevision, isOutdated, editors, reviewedBy,
                approvedBy, product, search, createdAt, now, seqNoPrimaryTerm);
    }

    public Variant withProduct(ProductInfo info, Instant now) {
        return new Variant(id, productId, language, content, state, revision, sourceRevision, outdated, editors, reviewedBy,
                approvedBy, info, search, createdAt, now, seqNoPrimaryTerm);
    }

    public Variant withVersion(SeqNoPrimaryTerm version) {
        return new Variant(id, productId, language, content, state, revision, sourceRevision, outdated, editors, reviewedBy,
                approvedBy, product, search, createdAt, updatedAt, version);
    }
}
