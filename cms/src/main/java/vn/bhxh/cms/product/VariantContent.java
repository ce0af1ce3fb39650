package vn.bhxh.cms.product;

import java.util.List;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import vn.bhxh.cms.asset.AssetRef;

/** The texts and files of one language variant; the body is sanitized HTML. */
public record VariantContent(
        @Field(type = FieldType.Text) String title,
        @Field(type = FieldType.Text) String summary,
        @Field(type = FieldType.Text, index = false) String body,
        @Field(type = FieldType.Object) List<AssetRef> assets) {

    public static final VariantContent EMPTY = new VariantContent(null, null, null, List.of());

    public VariantContent {
        assets = assets == null ? List.of() : List.copyOf(assets);
    }

    public boolean hasTitle() {
        return title != null && !title.isBlank();
    }
}
