package vn.bhxh.templates.render;

import com.samskivert.mustache.MustacheException;
import java.util.ArrayList;
import java.util.List;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.link.CampaignLinks;
import vn.bhxh.templates.template.InvalidTemplateException;
import vn.bhxh.templates.template.ResolvedTemplate;
import vn.bhxh.templates.template.TemplateCatalog;
import vn.bhxh.templates.template.TemplateEngine;
import vn.bhxh.templates.template.TemplateField;
import vn.bhxh.templates.template.TemplateValues;

/** Renders the slots of one channel for one variant, remembering which templates were used. */
public final class SlotTexts {

    private final RenderInput input;
    private final TemplateValues values;
    private final TemplateCatalog catalog;
    private final TemplateEngine engine;
    private final List<ResolvedTemplate> used = new ArrayList<>();

    SlotTexts(RenderInput input, TemplateChannel channel, TemplateCatalog catalog, TemplateEngine engine, CampaignLinks links) {
        this.input = input;
        this.values = TemplateValues.of(input, channel, links);
        this.catalog = catalog;
        this.engine = engine;
    }

    public String render(TemplateSlot slot) {
        ResolvedTemplate template = catalog.resolve(slot, input.languageTag());
        used.add(template);
        try {
            return engine.render(template.source(), slot.format(), values);
        } catch (MustacheException e) {
            // Only a template stored without TemplateCatalog's validation gets here: stop rather than send blanks.
            throw new InvalidTemplateException(template.resolved(), catalog.check(slot, template.source()));
        }
    }

    public String value(TemplateField field) {
        return values.get(field);
    }

    public RenderInput input() {
        return input;
    }

    List<ResolvedTemplate> used() {
        return List.copyOf(used);
    }
}
