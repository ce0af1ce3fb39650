package vn.bhxh.templates.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bhxh.templates.Samples;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.template.InMemoryTemplateRepository;

/**
 * Every channel's output for a Vietnamese, a Khmer-script and a Latin-script ethnic-language (Tày) variant,
 * compared with the reviewed files under src/test/resources/golden/. After an intended change, regenerate
 * with {@code ./mvnw -B -q -pl templates -am verify -Dgolden.update=true}, then read the diff before committing.
 */
class GoldenOutputTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ProductRenderer RENDERER = ProductRenderer.standard(new InMemoryTemplateRepository(), Clock.systemUTC());

    static List<Arguments> variantsAndChannels() {
        List<Arguments> cases = new ArrayList<>();
        for (var sample : List.of(Arguments.of("vi", Samples.vietnamese()), Arguments.of("km", Samples.khmer()),
                Arguments.of("tyz", Samples.tay()))) {
            for (TemplateChannel channel : TemplateChannel.values()) {
                cases.add(Arguments.of(sample.get()[0], sample.get()[1], channel));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("variantsAndChannels")
    void matchesTheReviewedOutput(String name, RenderInput input, TemplateChannel channel) throws IOException {
        Preview preview = RENDERER.preview(input, channel, new PreviewOptions(channel == TemplateChannel.SMS));
        if (preview.payload() instanceof PrintDocument print) {
            // For a look by eye (pdftoppm): the text read back cannot show how glyphs are placed.
            Files.createDirectories(Path.of("target/print-previews"));
            Files.write(Path.of("target/print-previews/" + name + ".pdf"), print.pdf());
        }
        String actual = PreviewDump.of(preview);
        Path golden = GOLDEN.resolve(name).resolve(channel.id() + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file (run with -Dgolden.update=true to create it)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
