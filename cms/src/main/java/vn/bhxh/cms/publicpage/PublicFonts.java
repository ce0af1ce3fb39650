package vn.bhxh.cms.publicpage;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.templates.print.FontCatalog;
import vn.bhxh.templates.print.FontFace;

/**
 * The Noto fonts the print PDFs embed, for the public pages: a phone without a font for Khmer, Cham or Tai Viet
 * still shows the text (each face is fetched only when the page holds its script; see public.css's unicode-range).
 */
@RestController
class PublicFonts {

    /** A letter of each script, to ask the print catalogue for its face (it also finds renamed font files). */
    private static final Map<String, Integer> SAMPLE = Map.of("latin", (int) 'a', "khmer", 0x1780, "cham", 0xAA00,
            "tai-viet", 0xAA80);
    private static final MediaType TTF = MediaType.parseMediaType("font/ttf");

    @GetMapping(ShortLinks.PATH + "fonts/{script}.ttf")
    ResponseEntity<Resource> font(@PathVariable String script) {
        Integer sample = SAMPLE.get(script);
        FontFace face = sample == null ? null : FontCatalog.debianNoto().faceFor(sample, null).orElse(null);
        if (face == null || !Files.isReadable(face.file())) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(TTF).cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
                .body(new FileSystemResource(face.file()));
    }
}
