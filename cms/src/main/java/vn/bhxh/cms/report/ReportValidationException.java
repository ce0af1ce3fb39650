package vn.bhxh.cms.report;

import java.util.List;

/** Input the reports refuse (400): every problem found, each naming its field. Nothing was saved. */
public class ReportValidationException extends RuntimeException {

    private final List<ReportIssue> errors;

    public ReportValidationException(List<ReportIssue> errors) {
        super("invalid report input: " + errors.size() + " problem(s)");
        this.errors = List.copyOf(errors);
    }

    public static ReportValidationException of(String field, String code, Object... args) {
        return new ReportValidationException(List.of(new ReportIssue(field, code, args)));
    }

    public List<ReportIssue> errors() {
        return errors;
    }
}
