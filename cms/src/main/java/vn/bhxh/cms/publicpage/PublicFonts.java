package vn.bhxh.cms.publicpage;

import java.io.IOException;
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
 * The Noto fonts the print PDFs embed, for the public pages and the signed-in pages alike (public.css, app.css): a
 * machine without a font for Khmer, Cham or Tai Viet still shows the text (each face is fetched only when the page
 * holds its script, by unicode-range). Under the public chain: no session, so shared caches may keep them.
 */
@RestController
class PublicFonts {

    /** A letter of each script, to ask the print catalogue for its face (it also finds renamed font files). */
    private static final Map<String, Integer> SAMPLE = Map.of("latin", (int) 'a', "khmer", 0x1780, "cham", 0xAA00,
            "tai-viet", 0xAA80);
    private static final MediaType TTF = MediaType.parseMediaType("font/ttf");

    @GetMapping(ShortLinks.PATH + "fonts/{script}.ttf")
    ResponseEntity<Resource> font(@PathVariable String script) throws IOException {
        Integer sample = SAMPLE.get(script);
        FontFace face = sample == null ? null : FontCatalog.debianNoto().faceFor(sample, null).orElse(null);
        if (face == null || !Files.isReadable(face.file())) {
            return ResponseEntity.notFound().build();
        }
        // Cached for long; after that, or when a font package update changed the file, the browser asks again with
        // If-None-Match / If-Modified-Since and gets 304 while the file is the same (answered by Spring from these headers).
        long modified = Files.getLastModifiedTime(face.file()).toMillis();
        String etag = "\"" + Long.toHexString(modified) + "-" + Long.toHexString(Files.size(face.file())) + "\"";
        return ResponseEntity.ok().contentType(TTF).cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
                .eTag(etag).lastModified(modified).body(new FileSystemResource(face.file()));
    }
}
