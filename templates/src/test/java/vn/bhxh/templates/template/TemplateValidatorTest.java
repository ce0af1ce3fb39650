package vn.bhxh.templates.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhxh.templates.channel.TemplateSlot;

class TemplateValidatorTest {

    private final TemplateValidator validator = new TemplateValidator(new TemplateEngine());

    private List<String> codes(String source, TemplateSlot slot) {
        return validator.problems(source, slot).stream().map(TemplateProblem::code).toList();
    }

    @Test
    void knownFieldsAndSectionsPass() {
        assertThat(codes("{{#imageUrl}}{{imageUrl}}{{/imageUrl}}{{^summary}}{{message}}{{/summary}} {{link}}", TemplateSlot.FACEBOOK_MESSAGE))
                .isEmpty();
    }

    @Test
    void unknownFieldsAreRefusedAlsoInsideSectionsAndAsSectionNames() {
        assertThat(validator.problems("{{#summary}}{{sumary}}{{/summary}}{{#anh}}x{{/anh}}", TemplateSlot.FACEBOOK_MESSAGE))
                .extracting(TemplateProblem::english)
                .containsExactlyInAnyOrder("Unknown field: {{sumary}}", "Unknown field: {{anh}}");
    }

    @Test
    void dottedAndImplicitNamesAreRefused() {
        assertThat(codes("{{title.length}}", TemplateSlot.SMS_TEXT)).containsExactly("unknown-field");
        assertThat(codes("{{.}}", TemplateSlot.SMS_TEXT)).containsExactly("unknown-field");
    }

    @Test
    void syntaxErrorsAndEmptyTemplatesAreRefused() {
        assertThat(codes("{{#summary}}không đóng", TemplateSlot.SMS_TEXT)).containsExactly("syntax");
        assertThat(codes("  ", TemplateSlot.SMS_TEXT)).containsExactly("empty");
    }

    @Test
    void onlyTheSanitizedBodyMayBeInsertedRawIntoHtml() {
        assertThat(codes("<div>{{{body}}}</div>", TemplateSlot.PORTAL_ARTICLE)).isEmpty();
        assertThat(codes("<h1>{{{title}}}</h1>", TemplateSlot.PORTAL_ARTICLE)).containsExactly("unescaped-field");
        assertThat(codes("<h1>{{& title}}</h1>", TemplateSlot.PORTAL_ARTICLE)).containsExactly("unescaped-field");
        assertThat(codes("{{=<% %>=}}<h1><%{title}%></h1>", TemplateSlot.PORTAL_ARTICLE)).containsExactly("unsupported-tag");
    }

    @Test
    void htmlAttributesMustBeQuoted() {
        // Escaping does not stop "x onerror=…" in an unquoted attribute; quotes do.
        assertThat(codes("<img alt={{title}} src=\"{{imageUrl}}\">", TemplateSlot.PORTAL_ARTICLE)).containsExactly("unquoted-attribute");
        assertThat(codes("<img alt=\"{{title}}\" src=\"{{imageUrl}}\">", TemplateSlot.PORTAL_ARTICLE)).isEmpty();
    }

    @Test
    void plainTextTemplatesCannotUseTheHtmlBody() {
        assertThat(codes("{{body}}", TemplateSlot.EMAIL_TEXT)).containsExactly("html-in-text");
        assertThat(codes("{{bodyText}}", TemplateSlot.EMAIL_TEXT)).isEmpty();
    }

    @Test
    void partialsAreRefused() {
        assertThat(codes("{{>chan-trang}}", TemplateSlot.EMAIL_TEXT)).containsExactly("unsupported-tag");
    }
}
