package vn.bhxh.cms.translation;

import java.util.List;

/**
 * A translation exchanged with a translator, as JSON ({@code application/json}) or XLIFF 2.0.
 * <pre>
 * {
 *   "productId": "…", "sourceLanguage": "vi", "targetLanguage": "tyz",
 *   "sourceRevision": 3,            // the Vietnamese revision the source texts are from
 *   "units": [ {"id": "title", "source": "…", "target": "…"},
 *              {"id": "summary", …}, {"id": "body", "source": "&lt;p&gt;…", "target": "…"} ]
 * }
 * </pre>
 * The body is HTML and travels as is, so formatting survives the round trip. An import whose
 * {@code sourceRevision} is not the current one is refused with what changed in the source since.
 */
public record TranslationFile(String productId, String sourceLanguage, String targetLanguage, int sourceRevision,
        List<Unit> units) {

    public static final List<String> UNIT_IDS = List.of("title", "summary", "body");

    public TranslationFile {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /** The translated text of a unit, or null when the unit is missing or untranslated. */
    public String target(String unitId) {
        for (Unit unit : units) {
            if (unitId.equals(unit.id())) {
                return unit.target();
            }
        }
        return null;
    }

    public record Unit(String id, String source, String target) {
    }
}
