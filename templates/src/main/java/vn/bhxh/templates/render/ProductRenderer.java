package vn.bhxh.templates.render;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.link.CampaignLinks;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.print.FontCatalog;
import vn.bhxh.templates.print.PdfLeafletWriter;
import vn.bhxh.templates.qr.QrCodes;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.template.DefaultTemplates;
import vn.bhxh.templates.template.TemplateCatalog;
import vn.bhxh.templates.template.TemplateEngine;
import vn.bhxh.templates.template.TemplateRepository;
import vn.bhxh.templates.template.TemplateValidator;

/**
 * The entry point for cms and publisher: renders one language variant for a channel and reports the
 * channel rules it breaks. The same call serves the editor's preview and the publisher's payload, so
 * what is previewed is what is sent.
 */
public final class ProductRenderer {

    private final TemplateCatalog catalog;
    private final TemplateEngine engine;
    private final CampaignLinks links;
    private final Map<TemplateChannel, ChannelRenderer> renderers = new EnumMap<>(TemplateChannel.class);

    public ProductRenderer(TemplateCatalog catalog, TemplateEngine engine, CampaignLinks links, PdfLeafletWriter printWriter) {
        this.catalog = catalog;
        this.engine = engine;
        this.links = links;
        for (ChannelRenderer renderer : List.of(new PortalRenderer(), new FacebookRenderer(), new ZaloRenderer(),
                new YoutubeRenderer(), new FeedCardRenderer(), new PushRenderer(), new SmsRenderer(),
                new EmailRenderer(), new LoudspeakerRenderer(), new PrintRenderer(printWriter))) {
            renderers.put(renderer.channel(), renderer);
        }
    }

    /** Wires the standard parts: shipped defaults, the given override store, Debian's Noto fonts. */
    public static ProductRenderer standard(TemplateRepository overrides, Clock clock) {
        TemplateEngine engine = new TemplateEngine();
        TemplateCatalog catalog = new TemplateCatalog(overrides, new DefaultTemplates(), new TemplateValidator(engine), clock);
        return new ProductRenderer(catalog, engine, new CampaignLinks(),
                new PdfLeafletWriter(FontCatalog.debianNoto(), new QrCodes()));
    }

    public TemplateCatalog templates() {
        return catalog;
    }

    public Preview preview(RenderInput input, TemplateChannel channel) {
        return preview(input, channel, PreviewOptions.DEFAULT);
    }

    public Preview preview(RenderInput input, TemplateChannel channel, PreviewOptions options) {
        SlotTexts texts = new SlotTexts(input, channel, catalog, engine, links);
        Rules rules = new Rules(links);
        ChannelPayload payload = renderers.get(channel).render(texts, options, rules);
        return new Preview(channel, input.languageTag(), payload, rules.violations(), texts.used());
    }

    /** Every channel, in the order of {@link TemplateChannel}. */
    public List<Preview> previewAll(RenderInput input, PreviewOptions options) {
        return Arrays.stream(TemplateChannel.values()).map(channel -> preview(input, channel, options)).toList();
    }
}
