package vn.bhxh.cms.asset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * A file of a variant, managed by media-assets, and the part it plays.
 *
 * @param role for example {@code print-master}, {@code preview}, {@code audio}, {@code video}, {@code cover}
 */
public record AssetRef(
        @Field(type = FieldType.Keyword) @NotBlank @Size(max = 100) String assetId,
        @Field(type = FieldType.Keyword) @NotBlank @Size(max = AssetRef.MAX_ROLE) String role) {

    /** The longest role name. */
    public static final int MAX_ROLE = 40;
}
