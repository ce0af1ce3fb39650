package vn.bhxh.templates.render;

import java.net.URI;
import vn.bhxh.templates.content.RenderInput;

/** The host of the product's public page: links to it must be tracked. */
final class PublicHost {

    private PublicHost() {
    }

    static String of(RenderInput input) {
        String host = URI.create(input.publicUrl()).getHost();
        return host == null ? "" : host;
    }
}
