package vn.bhxh.cms.production;

import java.util.List;

/** The application cannot start as configured: each entry is one sentence naming a missing setting. */
public class MissingSettingsException extends RuntimeException {

    private final List<String> sentences;

    MissingSettingsException(List<String> sentences) {
        super(String.join(System.lineSeparator(), sentences));
        this.sentences = List.copyOf(sentences);
    }

    public List<String> sentences() {
        return sentences;
    }
}
