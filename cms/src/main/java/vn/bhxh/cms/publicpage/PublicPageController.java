package vn.bhxh.cms.publicpage;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import vn.bhxh.cms.product.Variant;

/**
 * The public page behind a short address: the digital version of a released variant that print QR codes, posts and
 * feeds link to. Signed-out, no session, no script; once the variant is on a portal the address sends visitors there.
 * Every visit that finds a released variant is counted by source and province (never who the visitor is).
 */
@Controller
class PublicPageController {

    private final PublicPages pages;

    PublicPageController(PublicPages pages) {
        this.pages = pages;
    }

    @GetMapping(ShortLinks.PATH + "{code}")
    String page(@PathVariable String code, @RequestParam(required = false) String src,
            @RequestParam(name = "utm_source", required = false) String utmSource, @RequestParam(required = false) String tinh,
            WebRequest request, HttpServletResponse response, Model model) {
        Optional<Variant> found = pages.released(code);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setHeader("Cache-Control", "no-store");
            return "publicpage/not-found";
        }
        Variant variant = found.get();
        pages.count(variant, VisitSource.of(src, utmSource), tinh);
        Optional<String> portal = pages.portalUrl(variant);
        if (portal.isPresent()) {
            response.setHeader("Cache-Control", "no-store");
            return "redirect:" + portal.get();
        }
        // Revalidated on every visit (so every visit is counted), answered 304 without a body while unchanged.
        response.setHeader("Cache-Control", "public, no-cache");
        if (request.checkNotModified(etag(variant))) {
            return null;
        }
        model.addAttribute("variant", variant);
        model.addAttribute("content", variant.content());
        model.addAttribute("files", pages.files(variant));
        return "publicpage/page";
    }

    private static String etag(Variant variant) {
        long changed = variant.updatedAt() == null ? 0 : variant.updatedAt().toEpochMilli();
        return "\"" + variant.revision() + "-" + variant.state() + "-" + changed + "\"";
    }
}
