package vn.bhxh.cms.translation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.bhxh.cms.product.ContentLimits;

/** A translator's texts for one variant, with the version of the variant the page was made from. */
public record TranslationForm(
        @NotBlank @Size(max = ContentLimits.TITLE) String title,
        @Size(max = ContentLimits.SUMMARY) String summary,
        @Size(max = ContentLimits.BODY) String body,
        @Size(max = ContentLimits.COMMENT) String comment,
        String version) {
}
