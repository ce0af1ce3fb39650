package vn.bhxh.cms.distribution;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.asset.VariantMedia;
import vn.bhxh.cms.asset.VariantMedia.MediaFile;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.preview.VariantRenderInputs;
import vn.bhxh.publisher.channels.Channels;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.PreviewOptions;
import vn.bhxh.templates.render.ProductRenderer;

/**
 * Renders what goes out to one target from the channel's templates, at scheduling time: the job keeps exactly this
 * payload (and its hash), so later template edits never change what was approved to go out. Which template, which
 * files and which typed payload come from the channel's descriptor: nothing here is per channel.
 */
@Component
class PayloadRenderer {

    private final ProductRenderer renderer;
    private final VariantRenderInputs inputs;
    private final VariantMedia media;

    PayloadRenderer(ProductRenderer renderer, VariantRenderInputs inputs, VariantMedia media) {
        this.renderer = renderer;
        this.inputs = inputs;
        this.media = media;
    }

    /** One payload per target; the variant's files and template input are looked up once for all of them. */
    List<ChannelPayload> render(Variant variant, List<ChannelTarget> targets) {
        List<MediaFile> files = media.of(variant.content().assets());
        RenderInput input = inputs.of(variant, files);
        return targets.stream().map(target -> render(variant, input, files, target)).toList();
    }

    private ChannelPayload render(Variant variant, RenderInput input, List<MediaFile> files, ChannelTarget target) {
        ChannelDescriptor channel = Channels.of(target.channel());
        Preview preview = renderer.preview(input, TemplateChannel.fromId(channel.templateChannel()), PreviewOptions.DEFAULT);
        if (!preview.publishable()) {
            throw new ConflictException("not-publishable", Map.of("violations", preview.violations()), target.name(),
                    preview.violations().stream().map(v -> v.vietnamese()).collect(Collectors.joining("; ")));
        }
        String audience = String.join(",", new TreeSet<>(variant.product().audiences()));
        return new ChannelPayload(target.channel(), target.id(), variant.language(), audience, variant.content().title(),
                variant.content().summary(), input.publicUrl(), refs(files, channel.mediaKind()),
                ChannelPayload.contentOf(preview.payload()));
    }

    /** The files as channels fetch them, by public URL; {@code kind} null keeps every file. */
    private List<MediaRef> refs(List<MediaFile> files, String kind) {
        return files.stream().filter(f -> kind == null || f.is(kind))
                .map(f -> new MediaRef(inputs.url(f), f.fileName(), f.mediaType())).toList();
    }
}
