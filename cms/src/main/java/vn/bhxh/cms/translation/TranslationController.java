package vn.bhxh.cms.translation;

import java.util.List;
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
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.product.ContentDiff;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;

/** Export a variant for a translator and import the translation back (JSON or XLIFF 2.0). */
@RestController
@RequestMapping("/api/v1/products/{id}/variants/{language}/translation")
class TranslationController {

    static final int MAX_FILE_BYTES = 1_000_000;

    private final ProductService products;
    private final JsonMapper json;

    TranslationController(ProductService products, JsonMapper json) {
        this.products = products;
        this.json = json;
    }

    @GetMapping
    ResponseEntity<String> export(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestParam(defaultValue = "json") String format) {
        Actor actor = user.actor();
        Variant target = products.readVariant(actor, id, language);
        Variant source = products.readVariant(actor, id, Variant.SOURCE_LANGUAGE);
        VariantContent s = source.content();
        VariantContent t = target.content();
        TranslationFile file = new TranslationFile(id, Variant.SOURCE_LANGUAGE, language, source.revision(), List.of(
                new TranslationFile.Unit("title", s.title(), t.title()),
                new TranslationFile.Unit("summary", s.summary(), t.summary()),
                new TranslationFile.Unit("body", s.body(), t.body())));
        String fileName = id + "." + language + ("xliff".equals(format) ? ".xlf" : ".json");
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag(Versions.etag(target.seqNoPrimaryTerm()))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        if ("xliff".equals(format)) {
            return response.contentType(MediaType.parseMediaType(Xliff.MEDIA_TYPE + ";charset=UTF-8")).body(Xliff.write(file));
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(file));
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
        TranslationFile file = contentType.contains("json") ? readJson(body) : Xliff.read(body);
        if (!id.equals(file.productId()) || !language.equals(file.targetLanguage())) {
            throw new InvalidTranslationFileException("the file is for " + file.productId() + "/" + file.targetLanguage()
                    + ", not " + id + "/" + language);
        }
        Actor actor = user.actor();
        int current = products.sourceRevision(id);
        if (file.sourceRevision() != current) {
            List<ContentDiff.FieldChange> changes = products.sourceChangesSince(actor, id, file.sourceRevision());
            throw new ConflictException("source-changed", Map.of("sourceChanges", changes, "currentSourceRevision", current),
                    file.sourceRevision(), current);
        }
        Variant existing = products.readVariant(actor, id, language);
        VariantContent imported = new VariantContent(file.target("title"), file.target("summary"), file.target("body"),
                existing.content().assets());
        if (!imported.hasTitle()) {
            throw new InvalidTranslationFileException("the unit 'title' has no target text");
        }
        Variant saved = products.editContent(actor, id, language, expected, imported, "imported translation");
        return ResponseEntity.ok().eTag(Versions.etag(saved.seqNoPrimaryTerm()))
                .body(Map.of("revision", saved.revision(), "sourceRevision", saved.sourceRevision(), "state", saved.state()));
    }

    private TranslationFile readJson(byte[] body) {
        try {
            return json.readValue(body, TranslationFile.class);
        } catch (RuntimeException e) {
            throw new InvalidTranslationFileException("not a readable translation JSON file: " + e.getMessage());
        }
    }
}
