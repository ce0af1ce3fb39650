package vn.bhxh.cms.translation;

import java.util.List;
import java.util.Map;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.product.ContentDiff;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.Actor;

/**
 * Exports a variant for a translator and imports the translation back, for the API and the pages: JSON with one unit
 * per field, or XLIFF 2.0 with the workbench's segments and inline codes ({@link SegmentXliff}).
 */
@Service
public class TranslationExchange {

    public static final int MAX_FILE_BYTES = 1_000_000;

    private final ProductService products;
    private final SegmentService segments;
    private final JsonMapper json;

    TranslationExchange(ProductService products, SegmentService segments, JsonMapper json) {
        this.products = products;
        this.segments = segments;
        this.json = json;
    }

    /** A translation file and the version of the target variant it was made from (the ETag an import must carry). */
    public record Export(String body, SeqNoPrimaryTerm version) {
    }

    public Export export(Actor actor, String id, String language, boolean xliff) {
        if (xliff) {
            Workbench workbench = segments.open(actor, id, language);
            return new Export(SegmentXliff.write(workbench, Variant.SOURCE_LANGUAGE), workbench.version());
        }
        Variant target = products.readVariant(actor, id, language);
        Variant source = products.readVariant(actor, id, Variant.SOURCE_LANGUAGE);
        VariantContent s = source.content();
        VariantContent t = target.content();
        TranslationFile file = new TranslationFile(id, Variant.SOURCE_LANGUAGE, language, source.revision(), List.of(
                new TranslationFile.Unit("title", s.title(), t.title()),
                new TranslationFile.Unit("summary", s.summary(), t.summary()),
                new TranslationFile.Unit("body", s.body(), t.body())));
        return new Export(json.writeValueAsString(file), target.seqNoPrimaryTerm());
    }

    /**
     * Reads the file (JSON unless {@code xliff}), checks it is for this variant and made from the current source, and saves
     * the translated texts as a new revision made from {@code expected}.
     */
    public Variant importFile(Actor actor, String id, String language,
            SeqNoPrimaryTerm expected, byte[] body, boolean xliff) {
        if (body.length > MAX_FILE_BYTES) {
            throw new InvalidTranslationFileException("the file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        if (xliff) {
            SegmentXliff.ReadFile file = SegmentXliff.read(body);
            requireFor(id, language, file.productId(), file.targetLanguage());
            requireCurrentSource(actor, id, file.sourceRevision());
            segments.importXliff(actor, id, language, expected, file);
            return products.readVariant(actor, id, language);
        }
        TranslationFile file = readJson(body);
        requireFor(id, language, file.productId(), file.targetLanguage());
        requireCurrentSource(actor, id, file.sourceRevision());
        Variant existing = products.readVariant(actor, id, language);
        VariantContent imported = new VariantContent(file.target("title"), file.target("summary"), file.target("body"),
                existing.content().assets());
        if (!imported.hasTitle()) {
            throw new InvalidTranslationFileException("the unit 'title' has no target text");
        }
        return products.editContent(actor, id, language, expected, imported, "imported translation");
    }

    private static void requireFor(String id, String language, String fileProduct, String fileLanguage) {
        if (!id.equals(fileProduct) || !language.equals(fileLanguage)) {
            throw new InvalidTranslationFileException("the file is for " + fileProduct + "/" + fileLanguage
                    + ", not " + id + "/" + language);
        }
    }

    private void requireCurrentSource(Actor actor, String id, int revision) {
        int current = products.sourceRevision(id);
        if (revision != current) {
            List<ContentDiff.FieldChange> changes = products.sourceChangesSince(actor, id, revision);
            throw new ConflictException("source-changed", Map.of("sourceChanges", changes, "currentSourceRevision", current),
                    revision, current);
        }
    }

    private TranslationFile readJson(byte[] body) {
        try {
            return json.readValue(body, TranslationFile.class);
        } catch (RuntimeException e) {
            throw new InvalidTranslationFileException("not a readable translation JSON file", e);
        }
    }
}
