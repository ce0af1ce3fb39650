package vn.bhxh.templates.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.templates.Samples;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.template.InMemoryTemplateRepository;

/** The cms preview API returns a Preview as JSON with Spring's Jackson 3: it must serialize as it is. */
class PreviewJsonTest {

    private final ProductRenderer renderer = ProductRenderer.standard(new InMemoryTemplateRepository(), Clock.systemUTC());

    @Test
    void aPreviewSerializesWithItsPayloadViolationsAndTemplates() {
        JsonNode json = JsonMapper.builder().build()
                .readTree(JsonMapper.builder().build().writeValueAsString(renderer.preview(Samples.vietnamese(), TemplateChannel.SMS, new PreviewOptions(true))));

        assertThat(json.get("channel").asString()).isEqualTo("SMS");
        assertThat(json.at("/payload/count/segments").asInt()).isEqualTo(4);
        assertThat(json.at("/payload/unaccented/encoding").asString()).isEqualTo("GSM_7");
        assertThat(json.at("/violations/0/rule").asString()).isEqualTo("sms-segments");
        assertThat(json.at("/violations/0/vietnamese").asString()).startsWith("Tin nhắn cần 4 tin");
        assertThat(json.at("/templates/0/resolved/languageTag").asString()).isEqualTo("vi");
    }
}
