package vn.bhxh.cms.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Field-level differences between two contents of a variant. */
public final class ContentDiff {

    private ContentDiff() {
    }

    public static List<FieldChange> between(VariantContent before, VariantContent after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "title", before.title(), after.title());
        compare(changes, "summary", before.summary(), after.summary());
        compare(changes, "body", before.body(), after.body());
        compare(changes, "assets", before.assets(), after.assets());
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    public record FieldChange(String field, Object before, Object after) {
    }
}
