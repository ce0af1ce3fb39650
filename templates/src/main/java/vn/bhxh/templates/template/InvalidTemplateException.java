package vn.bhxh.templates.template;

import java.util.List;
import java.util.stream.Collectors;

/** A template was refused on save; the cms answers 422 with {@link #problems()}. */
public class InvalidTemplateException extends RuntimeException {

    private final TemplateKey key;
    private final List<TemplateProblem> problems;

    public InvalidTemplateException(TemplateKey key, List<TemplateProblem> problems) {
        super("Mẫu " + key.id() + " không hợp lệ / invalid template: "
                + problems.stream().map(TemplateProblem::english).collect(Collectors.joining("; ")));
        this.key = key;
        this.problems = List.copyOf(problems);
    }

    public TemplateKey key() {
        return key;
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
