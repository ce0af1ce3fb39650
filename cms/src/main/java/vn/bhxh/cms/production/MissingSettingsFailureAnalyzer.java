package vn.bhxh.cms.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing settings as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Đặt các giá trị trên (biến môi trường hoặc --thuộc-tính=giá-trị) rồi chạy lại / set the values above "
                        + "(environment variables or --property=value) and start again; see README \"Running in production\".",
                null);
    }
}
