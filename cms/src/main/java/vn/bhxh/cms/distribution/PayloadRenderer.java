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
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.payload.FacebookPost;
import vn.bhxh.templates.payload.FeedCard;
import vn.bhxh.templates.payload.PortalArticle;
import vn.bhxh.templates.payload.YoutubeVideo;
import vn.bhxh.templates.payload.ZaloArticle;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.PreviewOptions;
import vn.bhxh.templates.render.ProductRenderer;

/**
 * Renders what goes out to one target from the channel's templates, at scheduling time: the job keeps exactly these
 * bytes (and their hash), so later template edits never change what was approved to go out.
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

    /** Portals get the portal article; the app feed gets the VssID feed card. */
    static vn.bhxh.templates.channel.Channel templateChannel(Channel channel) {
        return switch (channel) {
            case WEBHOOK, WORDPRESS -> vn.bhxh.templates.channel.Channel.PORTAL;
            case FACEBOOK -> vn.bhxh.templates.channel.Channel.FACEBOOK;
            case ZALO -> vn.bhxh.templates.channel.Channel.ZALO;
            case YOUTUBE -> vn.bhxh.templates.channel.Channel.YOUTUBE;
            case APP_FEED -> vn.bhxh.templates.channel.Channel.VSSID_FEED;
        };
    }

    /** One payload per target; the variant's files and template input are looked up once for all of them. */
    List<ChannelPayload> render(Variant variant, List<ChannelTarget> targets) {
        List<MediaFile> files = media.of(variant.content().assets());
        RenderInput input = inputs.of(variant, files);
        return targets.stream().map(target -> render(variant, input, files, target)).toList();
    }

    private ChannelPayload render(Variant variant, RenderInput input, List<MediaFile> files, ChannelTarget target) {
        Preview preview = renderer.preview(input, templateChannel(target.channel()), PreviewOptions.DEFAULT);
        if (!preview.publishable()) {
            throw new ConflictException("not-publishable", Map.of("violations", preview.violations()), target.name(),
                    preview.violations().stream().map(v -> v.vietnamese()).collect(Collectors.joining("; ")));
        }
        String audience = String.join(",", new TreeSet<>(variant.product().audiences()));
        String summary = variant.content().summary();
        String link = input.publicUrl();
        return switch (preview.payload()) {
            case PortalArticle a -> payload(target, variant, audience, a.title(), a.html(), summary, link, refs(files, null));
            case FacebookPost p -> payload(target, variant, audience, variant.content().title(), p.message(), summary,
                    p.link() == null ? link : p.link(), refs(files, null));
            case ZaloArticle z -> payload(target, variant, audience, z.title(), text(z), z.description(), link, refs(files, null));
            case YoutubeVideo y -> payload(target, variant, audience, y.title(), y.description(), summary, link,
                    refs(files, "video"));
            case FeedCard c -> payload(target, variant, audience, c.title(), c.summary(), c.summary(),
                    c.url() == null ? link : c.url(), refs(files, "image"));
            default -> throw new IllegalStateException("No payload mapping for " + preview.payload().getClass().getSimpleName());
        };
    }

    /** The files as channels fetch them, by public URL; {@code kind} null keeps every file. */
    private List<MediaRef> refs(List<MediaFile> files, String kind) {
        return files.stream().filter(f -> kind == null || f.is(kind))
                .map(f -> new MediaRef(inputs.url(f), f.fileName(), f.mediaType())).toList();
    }

    private static ChannelPayload payload(ChannelTarget target, Variant variant, String audience, String title, String body,
            String summary, String link, List<MediaRef> files) {
        return new ChannelPayload(target.channel(), target.id(), variant.language(), audience, title, body, summary, link, files);
    }

    private static String text(ZaloArticle article) {
        return article.body().stream().filter(b -> b instanceof ZaloArticle.Block.Text)
                .map(b -> ((ZaloArticle.Block.Text) b).content()).collect(Collectors.joining("\n\n"));
    }
}
