package vn.bhxh.templates.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.bhxh.templates.channel.TemplateSlot;

class TemplateCatalogTest {

    private final InMemoryTemplateRepository repository = new InMemoryTemplateRepository();
    private final TemplateCatalog catalog = new TemplateCatalog(repository, new DefaultTemplates(),
            new TemplateValidator(new TemplateEngine()), Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void everySlotHasAValidVietnameseDefault() {
        for (TemplateSlot slot : TemplateSlot.values()) {
            ResolvedTemplate template = catalog.resolve(slot, "vi");

            assertThat(template.isOverride()).isFalse();
            assertThat(catalog.check(slot, template.source())).as(slot.path()).isEmpty();
        }
    }

    @Test
    void ethnicLanguagesFallBackToVietnameseDefaults() {
        ResolvedTemplate template = catalog.resolve(TemplateSlot.SMS_TEXT, "blt-Tavt");

        assertThat(template.requested().languageTag()).isEqualTo("blt-Tavt");
        assertThat(template.resolved().languageTag()).isEqualTo("vi");
        assertThat(template.isLanguageFallback()).isTrue();
    }

    @Test
    void fallbackChainGoesFromScriptToLanguageToVietnamese() {
        assertThat(TemplateCatalog.fallbackChain("blt-Tavt")).containsExactly("blt-Tavt", "blt", "vi");
        assertThat(TemplateCatalog.fallbackChain("km")).containsExactly("km", "vi");
        assertThat(TemplateCatalog.fallbackChain("vi")).containsExactly("vi");
    }

    @Test
    void anOverrideInTheLanguageWinsAndIsVersioned() {
        TemplateKey khmerSms = new TemplateKey(TemplateSlot.SMS_TEXT, "km");

        TemplateVersion first = catalog.saveOverride(khmerSms, 0, "{{message}} {{link}}", "bientap1");
        TemplateVersion second = catalog.saveOverride(khmerSms, 1, "{{title}} {{link}}", "bientap2");

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.savedAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        ResolvedTemplate resolved = catalog.resolve(TemplateSlot.SMS_TEXT, "km");
        assertThat(resolved.source()).isEqualTo("{{title}} {{link}}");
        assertThat(resolved.overrideVersion()).isEqualTo(2);
        assertThat(catalog.resolve(TemplateSlot.SMS_TEXT, "tyz").isOverride()).isFalse();
        assertThat(catalog.history(khmerSms)).extracting(TemplateVersion::savedBy).containsExactly("bientap1", "bientap2");
    }

    @Test
    void aVietnameseOverrideAppliesToLanguagesWithoutTheirOwnTemplate() {
        catalog.saveOverride(new TemplateKey(TemplateSlot.PUSH_TITLE, "vi"), 0, "BHXH: {{title}}", "admin");

        ResolvedTemplate forTay = catalog.resolve(TemplateSlot.PUSH_TITLE, "tyz");

        assertThat(forTay.source()).isEqualTo("BHXH: {{title}}");
        assertThat(forTay.isOverride()).isTrue();
    }

    @Test
    void removingAnOverrideReturnsToTheDefaultAndIsKeptInHistory() {
        TemplateKey key = new TemplateKey(TemplateSlot.EMAIL_SUBJECT, "vi");
        catalog.saveOverride(key, 0, "[BHXH] {{title}}", "admin");

        catalog.removeOverride(key, 1, "admin");

        assertThat(catalog.resolve(TemplateSlot.EMAIL_SUBJECT, "vi").isOverride()).isFalse();
        assertThat(catalog.history(key)).extracting(TemplateVersion::removesOverride).containsExactly(false, true);
        TemplateVersion restored = catalog.restore(key, 1, 2, "admin");
        assertThat(restored.version()).isEqualTo(3);
        assertThat(catalog.resolve(TemplateSlot.EMAIL_SUBJECT, "vi").source()).isEqualTo("[BHXH] {{title}}");
    }

    @Test
    void aSaveFromAnOutdatedVersionIsRefused() {
        TemplateKey key = new TemplateKey(TemplateSlot.SMS_TEXT, "vi");
        catalog.saveOverride(key, 0, "{{message}} {{link}}", "a");

        assertThatThrownBy(() -> catalog.saveOverride(key, 0, "{{title}} {{link}}", "b"))
                .isInstanceOf(ConcurrentTemplateChangeException.class)
                .hasMessageContaining("đã được người khác sửa");
        assertThat(catalog.history(key)).hasSize(1);
    }

    @Test
    void aTemplateNamingAnUnknownFieldIsRefusedOnSave() {
        TemplateKey key = new TemplateKey(TemplateSlot.SMS_TEXT, "vi");

        assertThatThrownBy(() -> catalog.saveOverride(key, 0, "{{titel}} {{link}}", "admin"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.problems())
                        .extracting(TemplateProblem::vietnamese).containsExactly("Trường không tồn tại: {{titel}}"));
        assertThat(repository.keys()).isEmpty();
        assertThat(catalog.resolve(TemplateSlot.SMS_TEXT, "vi").isOverride()).isFalse();
    }
}
