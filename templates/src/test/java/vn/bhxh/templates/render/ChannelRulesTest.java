package vn.bhxh.templates.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bhxh.templates.Samples;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.payload.FacebookPost;
import vn.bhxh.templates.payload.SmsMessage;
import vn.bhxh.templates.rules.RuleViolation;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.sms.SmsEncoding;
import vn.bhxh.templates.template.InMemoryTemplateRepository;
import vn.bhxh.templates.template.InvalidTemplateException;
import vn.bhxh.templates.template.TemplateKey;
import vn.bhxh.templates.template.TemplateProblem;

class ChannelRulesTest {

    private final ProductRenderer renderer = ProductRenderer.standard(new InMemoryTemplateRepository(), Clock.systemUTC());

    /** n characters of Vietnamese written decomposed (e + two combining marks): each must count once. */
    private static String decomposedText(int characters) {
        return "e\u0323\u0302".repeat(characters);
    }

    private List<RuleViolation> lengthViolations(RenderInput input, TemplateChannel channel, String field) {
        return renderer.preview(input, channel).violations().stream()
                .filter(v -> v.rule().equals("max-length") && v.field().equals(field)).toList();
    }

    @ParameterizedTest(name = "{0}.{1}: {2} characters allowed")
    @CsvSource({"youtube, title, 100", "zalo, title, 150", "vssid-push, title, 65"})
    void titleLimitsHoldExactlyAtTheirBoundary(String channelId, String field, int limit) {
        TemplateChannel channel = TemplateChannel.fromId(channelId);
        RenderInput atLimit = Samples.vietnamese().toBuilder().title(decomposedText(limit)).build();
        RenderInput overLimit = Samples.vietnamese().toBuilder().title(decomposedText(limit + 1)).build();

        assertThat(lengthViolations(atLimit, channel, field)).isEmpty();
        assertThat(lengthViolations(overLimit, channel, field)).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.BLOCKING);
            assertThat(v.actual()).isEqualTo(limit + 1);
            assertThat(v.limit()).isEqualTo(limit);
        });
        assertThat(renderer.preview(overLimit, channel).publishable()).isFalse();
    }

    @Test
    void zaloAuthorAndDescriptionLimits() {
        RenderInput atLimit = Samples.vietnamese().toBuilder().author("đ".repeat(50)).summary("ư".repeat(300)).build();
        RenderInput overLimit = Samples.vietnamese().toBuilder().author("đ".repeat(51)).summary("ư".repeat(301)).build();

        assertThat(lengthViolations(atLimit, TemplateChannel.ZALO, "author")).isEmpty();
        assertThat(lengthViolations(atLimit, TemplateChannel.ZALO, "description")).isEmpty();
        assertThat(lengthViolations(overLimit, TemplateChannel.ZALO, "author")).hasSize(1);
        assertThat(lengthViolations(overLimit, TemplateChannel.ZALO, "description")).hasSize(1);
    }

    @Test
    void pushBodyLimit() {
        assertThat(lengthViolations(Samples.vietnamese().toBuilder().message("ơ".repeat(178)).build(), TemplateChannel.VSSID_PUSH, "body")).isEmpty();
        assertThat(lengthViolations(Samples.vietnamese().toBuilder().message("ơ".repeat(179)).build(), TemplateChannel.VSSID_PUSH, "body")).hasSize(1);
    }

    @Test
    void facebookMessageLimit() {
        ProductRenderer withMessageOnly = ProductRenderer.standard(new InMemoryTemplateRepository(), Clock.systemUTC());
        withMessageOnly.templates().saveOverride(new TemplateKey(TemplateSlot.FACEBOOK_MESSAGE, "vi"), 0, "{{message}}", "test");

        assertThat(withMessageOnly.preview(Samples.vietnamese().toBuilder().message("a".repeat(63_206)).build(), TemplateChannel.FACEBOOK)
                .violations()).isEmpty();
        assertThat(withMessageOnly.preview(Samples.vietnamese().toBuilder().message("a".repeat(63_207)).build(), TemplateChannel.FACEBOOK)
                .violations()).extracting(RuleViolation::rule).containsExactly("max-length");
    }

    @Test
    void youtubeDescriptionIsLimitedInBytes() {
        // "ệ" is 3 bytes in UTF-8: 1,600 of them fit in 5,000 bytes only without the rest of the template.
        Preview preview = renderer.preview(Samples.vietnamese().toBuilder().summary("ệ".repeat(1_700)).build(), TemplateChannel.YOUTUBE);

        assertThat(preview.violations()).anySatisfy(v -> {
            assertThat(v.rule()).isEqualTo("max-bytes");
            assertThat(v.limit()).isEqualTo(5_000);
        });
    }

    @Test
    void smsShowsItsCountAndGivesTheUnaccentedVersionOnlyWhenAsked() {
        RenderInput input = Samples.vietnamese();

        SmsMessage accented = (SmsMessage) renderer.preview(input, TemplateChannel.SMS).payload();
        SmsMessage both = (SmsMessage) renderer.preview(input, TemplateChannel.SMS, new PreviewOptions(true)).payload();

        assertThat(accented.count().encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(accented.unaccented()).isEmpty();
        assertThat(both.unaccented()).hasValueSatisfying(count -> {
            assertThat(count.encoding()).isEqualTo(SmsEncoding.GSM_7);
            assertThat(count.segments()).isLessThan(accented.count().segments());
        });
    }

    @Test
    void everyLinkCarriesCampaignTracking() {
        for (TemplateChannel channel : List.of(TemplateChannel.FACEBOOK, TemplateChannel.SMS, TemplateChannel.EMAIL, TemplateChannel.VSSID_FEED, TemplateChannel.VSSID_PUSH, TemplateChannel.YOUTUBE)) {
            assertThat(renderer.preview(Samples.vietnamese(), channel).violations()).as(channel.id())
                    .noneMatch(v -> v.rule().equals("tracking-missing"));
        }
        FacebookPost post = (FacebookPost) renderer.preview(Samples.vietnamese(), TemplateChannel.FACEBOOK).payload();
        assertThat(post.link()).contains("utm_source=facebook", "utm_medium=social", "utm_campaign=thang-van-dong-bhxh-2025");
    }

    @Test
    void aHandTypedUntrackedLinkToOurSiteIsReported() {
        ProductRenderer withHandTypedLink = ProductRenderer.standard(new InMemoryTemplateRepository(), Clock.systemUTC());
        withHandTypedLink.templates().saveOverride(new TemplateKey(TemplateSlot.SMS_TEXT, "vi"), 0,
                "{{message}} https://baohiemxahoi.gov.vn/tra-cuu", "test");

        Preview preview = withHandTypedLink.preview(Samples.vietnamese(), TemplateChannel.SMS);

        assertThat(preview.violations()).extracting(RuleViolation::rule).contains("tracking-missing");
        assertThat(preview.publishable()).isFalse();
    }

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({"179, broadcast-length", "180, none", "300, none", "301, broadcast-length"})
    void loudspeakerFilesShouldLastThreeToFiveMinutes(int seconds, String expected) {
        RenderInput input = Samples.vietnamese().toBuilder()
                .audio("https://baohiemxahoi.gov.vn/tep/a.mp3", Duration.ofSeconds(seconds)).build();

        List<String> rules = renderer.preview(input, TemplateChannel.LOUDSPEAKER).violations().stream().map(RuleViolation::rule).toList();

        assertThat(rules).isEqualTo(expected.equals("none") ? List.of() : List.of(expected));
    }

    @Test
    void aLoudspeakerSheetWithoutAudioCannotBePublished() {
        Preview preview = renderer.preview(Samples.vietnamese().toBuilder().audio(null, null).build(), TemplateChannel.LOUDSPEAKER);

        assertThat(preview.publishable()).isFalse();
        assertThat(preview.violations()).extracting(RuleViolation::rule).containsExactly("required", "duration-unknown");
    }

    @Test
    void anUnvalidatedStoredTemplateWithAnUnknownFieldStopsTheRenderInsteadOfSendingBlanks() {
        InMemoryTemplateRepository repository = new InMemoryTemplateRepository();
        // Written past TemplateCatalog, as a document edited directly in Elasticsearch could be.
        repository.append(new TemplateKey(TemplateSlot.PUSH_TITLE, "vi"), 0, Optional.of("{{tieuDe}}"), "es", Instant.now());
        ProductRenderer withBrokenStore = ProductRenderer.standard(repository, Clock.systemUTC());

        assertThatThrownBy(() -> withBrokenStore.preview(Samples.vietnamese(), TemplateChannel.VSSID_PUSH))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e ->
                        assertThat(e.problems()).extracting(TemplateProblem::code).containsExactly("unknown-field"));
    }

    @Test
    void previewAllCoversEveryChannelAndNamesTheTemplatesUsed() {
        List<Preview> previews = renderer.previewAll(Samples.khmer(), PreviewOptions.DEFAULT);

        assertThat(previews).extracting(Preview::channel).containsExactly(TemplateChannel.values());
        assertThat(previews).allSatisfy(preview -> assertThat(preview.templates()).isNotEmpty()
                .allSatisfy(template -> assertThat(template.isLanguageFallback()).isTrue()));
    }
}
