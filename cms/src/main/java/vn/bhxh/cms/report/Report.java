package vn.bhxh.cms.report;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/**
 * One province's report for one period; the id is {@code <province>~<period>}, so there can be only one.
 *
 * @param values the numeric columns by field key ({@code f03c9})
 * @param sources for each value the system filled in, where it came from (gone once someone changes the value)
 * @param texts the narrative sections by field key
 * @param firstSubmittedAt the first submission: timeliness is judged by it, a later fix after a return is not "late"
 * @param demo made by the demo generator, not by a province
 */
@Document(indexName = "reports", createIndex = false)
public record Report(
        @Id String id,
        @Field(type = FieldType.Keyword) String province,
        @Field(type = FieldType.Keyword) String period,
        @Field(type = FieldType.Keyword) PeriodType periodType,
        @Field(type = FieldType.Integer) int year,
        @Field(type = FieldType.Keyword) ReportState state,
        @Field(type = FieldType.Object, enabled = false) Map<String, Long> values,
        @Field(type = FieldType.Object, enabled = false) Map<String, String> sources,
        @Field(type = FieldType.Object, enabled = false) Map<String, String> texts,
        @Field(type = FieldType.Text) String returnComment,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant firstSubmittedAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant submittedAt,
        @Field(type = FieldType.Keyword) String submittedBy,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant decidedAt,
        @Field(type = FieldType.Keyword) String decidedBy,
        @Field(type = FieldType.Boolean) boolean demo,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant createdAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant updatedAt,
        @Field(type = FieldType.Keyword) String updatedBy,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    public Report {
        values = values == null ? Map.of() : Map.copyOf(values);
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }

    public static String id(String province, String period) {
        return province + "~" + period;
    }

    public ReportPeriod reportPeriod() {
        return ReportPeriod.parse(period);
    }

    /** Sent on time: first submitted before the deadline. */
    public boolean onTime() {
        return firstSubmittedAt != null && firstSubmittedAt.isBefore(reportPeriod().deadline());
    }

    /** Sent to the centre at least once (a returned report still counts as received, to be fixed). */
    public boolean submitted() {
        return firstSubmittedAt != null;
    }

    public long value(String key) {
        Long value = values.get(key);
        return value == null ? 0 : value;
    }

    public Report withContent(Map<String, Long> newValues, Map<String, String> newSources, Map<String, String> newTexts,
            String editor, Instant now) {
        return new Report(id, province, period, periodType, year, state, newValues, newSources, newTexts, returnComment,
                firstSubmittedAt, submittedAt, submittedBy, decidedAt, decidedBy, demo, createdAt, now, editor, seqNoPrimaryTerm);
    }

    public Report withState(ReportAction action, String actor, String comment, Instant now) {
        boolean submit = action == ReportAction.SUBMIT;
        return new Report(id, province, period, periodType, year, action.target(), values, sources, texts,
                action == ReportAction.RETURN ? comment : returnComment,
                submit && firstSubmittedAt == null ? now : firstSubmittedAt, submit ? now : submittedAt,
                submit ? actor : submittedBy, submit ? decidedAt : now, submit ? decidedBy : actor, demo, createdAt, now, actor,
                seqNoPrimaryTerm);
    }

    public Report withVersion(SeqNoPrimaryTerm version) {
        return new Report(id, province, period, periodType, year, state, values, sources, texts, returnComment, firstSubmittedAt,
                submittedAt, submittedBy, decidedAt, decidedBy, demo, createdAt, updatedAt, updatedBy, version);
    }
}
