package vn.bhxh.templates.render;

import java.util.stream.Collectors;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.print.PdfLeafletWriter;
import vn.bhxh.templates.print.PrintContent;
import vn.bhxh.templates.print.PrintFormat;
import vn.bhxh.templates.print.PrintResult;
import vn.bhxh.templates.rules.RuleViolation;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.template.TemplateField;

final class PrintRenderer implements ChannelRenderer {

    private final PdfLeafletWriter writer;

    PrintRenderer(PdfLeafletWriter writer) {
        this.writer = writer;
    }

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.PRINT;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        String qrUrl = texts.value(TemplateField.LINK);
        PrintFormat format = PrintFormat.forProductType(texts.input().productType());
        PrintContent content = new PrintContent(texts.input().languageTag(), texts.render(TemplateSlot.PRINT_HEADLINE),
                texts.render(TemplateSlot.PRINT_TEXT), texts.render(TemplateSlot.PRINT_FOOTER), qrUrl, format);
        PrintResult result = writer.write(content);
        rules.tracked("qrUrl", qrUrl);
        if (!result.missingCodePoints().isEmpty()) {
            String list = result.missingCodePoints().stream().sorted().map(cp -> "U+%04X".formatted(cp))
                    .collect(Collectors.joining(", "));
            rules.add(new RuleViolation("missing-glyph", "pdf", Severity.BLOCKING, result.missingCodePoints().size(), 0,
                    "Không phông chữ nào có các ký tự: " + list, "No embedded font has these characters: " + list));
        }
        return new PrintDocument(result.pdf(), qrUrl, format.name(), result.pages(),
                content.headline(), content.text(), content.footer());
    }
}
