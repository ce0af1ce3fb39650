package vn.bhxh.cms.translation;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.AccountPrincipal;

/** Export a variant for a translator and import the translation back (JSON or XLIFF 2.0). */
@RestController
@RequestMapping("/api/v1/products/{id}/variants/{language}/translation")
class TranslationController {

    static final int MAX_FILE_BYTES = TranslationExchange.MAX_FILE_BYTES;

    private final TranslationExchange exchange;

    TranslationController(TranslationExchange exchange) {
        this.exchange = exchange;
    }

    @GetMapping
    ResponseEntity<String> export(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestParam(defaultValue = "json") String format) {
        boolean xliff = "xliff".equals(format);
        TranslationExchange.Export export = exchange.export(user.actor(), id, language, xliff);
        String fileName = id + "." + language + (xliff ? ".xlf" : ".json");
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag(Versions.etag(export.version()))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return response.contentType(xliff ? MediaType.parseMediaType(Xliff.MEDIA_TYPE + ";charset=UTF-8") : MediaType.APPLICATION_JSON)
                .body(export.body());
    }

    @PutMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, Xliff.MEDIA_TYPE, MediaType.APPLICATION_XML_VALUE})
    ResponseEntity<Map<String, Object>> importTranslation(@AuthenticationPrincipal AccountPrincipal user,
            @PathVariable String id, @PathVariable String language,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader("Content-Type") String contentType, @RequestBody byte[] body) {
        if (body.length > MAX_FILE_BYTES) {
            throw new InvalidTranslationFileException("the file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        var expected = Versions.fromIfMatch(ifMatch);
        Variant saved = exchange.importFile(user.actor(), id, language, expected, body, !contentType.contains("json"));
        return ResponseEntity.ok().eTag(Versions.etag(saved.seqNoPrimaryTerm()))
                .body(Map.of("revision", saved.revision(), "sourceRevision", saved.sourceRevision(), "state", saved.state()));
    }
}
