package vn.bhxh.cms.product;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * One step a variant went through (submitted, reviewed, approved, rejected, published, withdrawn, archived, or a
 * translation requested), with who took it, when and their comment: the variant's workflow history. Kept apart from
 * the audit trail, which holds every kind of event and is read rarely, so the variant page and the dashboard read it
 * cheaply.
 *
 * @param action a {@link vn.bhxh.cms.workflow.WorkflowAction} name or {@link #TRANSLATION_REQUESTED}
 * @param revision the variant's content revision the step was taken on
 */
@Document(indexName = "workflow-steps", createIndex = false)
public record WorkflowStep(
        @Id String id,
        @Field(type = FieldType.Keyword) String variantId,
        @Field(type = FieldType.Keyword) String productId,
        @Field(type = FieldType.Keyword) String language,
        @Field(type = FieldType.Keyword) String action,
        @Field(type = FieldType.Keyword) String actor,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant at,
        @Field(type = FieldType.Keyword) String fromState,
        @Field(type = FieldType.Keyword) String toState,
        @Field(type = FieldType.Integer) int revision,
        @Field(type = FieldType.Text) String comment) {

    public static final String TRANSLATION_REQUESTED = "TRANSLATION_REQUESTED";

    public boolean isRejection() {
        return "REJECT".equals(action);
    }
}
