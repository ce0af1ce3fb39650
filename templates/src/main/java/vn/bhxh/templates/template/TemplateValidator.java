package vn.bhxh.templates.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bhxh.templates.channel.TemplateFormat;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.link.CampaignLinks;

/**
 * Decides whether a template may be saved: it must parse, name only known {@link TemplateField}s, insert
 * raw HTML only where the output is HTML (and then only the sanitized body), and render with sample data.
 */
public final class TemplateValidator {

    private static final Pattern RAW_FIELD = Pattern.compile("\\{\\{\\{\\s*([^}\\s]*)\\s*}}}|\\{\\{&\\s*([^}\\s]*)\\s*}}");
    private static final Pattern UNQUOTED_ATTRIBUTE = Pattern.compile("=\\s*\\{\\{");
    private static final Pattern DELIMITER_CHANGE = Pattern.compile("\\{\\{\\s*=");

    private final TemplateEngine engine;

    public TemplateValidator(TemplateEngine engine) {
        this.engine = engine;
    }

    public List<TemplateProblem> problems(String source, TemplateSlot slot) {
        if (source == null || source.isBlank()) {
            return List.of(TemplateProblem.empty());
        }
        if (DELIMITER_CHANGE.matcher(source).find()) {
            // Changed delimiters would hide fields from the raw-HTML check below.
            return List.of(TemplateProblem.unsupportedTag("đổi dấu phân cách {{= =}} / delimiter change"));
        }
        Template template;
        try {
            template = engine.compile(source, slot.format());
        } catch (MustacheException e) {
            return List.of(TemplateProblem.syntax(e.getMessage()));
        }
        List<TemplateProblem> problems = new ArrayList<>();
        Set<String> names = namesIn(template, problems);
        for (String name : names) {
            if (TemplateField.byKey(name).isEmpty()) {
                problems.add(TemplateProblem.unknownField(name));
            } else if (name.equals(TemplateField.BODY.key()) && slot.format() == TemplateFormat.TEXT) {
                problems.add(TemplateProblem.bodyInText());
            }
        }
        if (slot.format() == TemplateFormat.HTML) {
            Matcher raw = RAW_FIELD.matcher(source);
            while (raw.find()) {
                String name = raw.group(1) != null ? raw.group(1) : raw.group(2);
                if (!name.equals(TemplateField.BODY.key())) {
                    problems.add(TemplateProblem.rawOutsideHtml(name));
                }
            }
            if (UNQUOTED_ATTRIBUTE.matcher(source).find()) {
                problems.add(TemplateProblem.unquotedAttribute());
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(trialRender(source, slot));
        }
        return List.copyOf(problems);
    }

    private static Set<String> namesIn(Template template, List<TemplateProblem> problems) {
        Set<String> names = new LinkedHashSet<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                names.add(name);
            }

            @Override
            public boolean visitInclude(String name) {
                problems.add(TemplateProblem.unsupportedTag("mẫu con {{>" + name + "}} / partial"));
                return false;
            }

            @Override
            public boolean visitParent(String name) {
                problems.add(TemplateProblem.unsupportedTag("kế thừa mẫu {{<" + name + "}} / template inheritance"));
                return false;
            }

            @Override
            public boolean visitBlock(String name) {
                problems.add(TemplateProblem.unsupportedTag("khối {{$" + name + "}} / block"));
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                names.add(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                names.add(name);
                return true;
            }
        });
        return names;
    }

    private List<TemplateProblem> trialRender(String source, TemplateSlot slot) {
        try {
            engine.render(source, slot.format(), TemplateValues.of(SAMPLE, slot.channel(), new CampaignLinks()));
            return List.of();
        } catch (MustacheException | IllegalArgumentException e) {
            return List.of(TemplateProblem.syntax(e.getMessage()));
        }
    }

    private static final RenderInput SAMPLE = RenderInput.builder()
            .productId("kiem-tra").productType("LEAFLET").languageTag("vi")
            .title("Bảo hiểm xã hội cho tất cả mọi người").summary("Tóm tắt").bodyHtml("<p>Nội dung</p>")
            .message("Bảo hiểm xã hội là đầu tư cho tương lai.").publicUrl("https://baohiemxahoi.gov.vn/kiem-tra")
            .campaignCode("kiem-tra").author("BHXH Việt Nam").imageUrl("https://baohiemxahoi.gov.vn/anh.jpg")
            .audio("https://baohiemxahoi.gov.vn/am-thanh.mp3", Duration.ofMinutes(4))
            .video("https://baohiemxahoi.gov.vn/video.mp4", Duration.ofMinutes(3))
            .build();
}
