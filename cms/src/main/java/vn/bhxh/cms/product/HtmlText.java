package vn.bhxh.cms.product;

import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.asset.AssetRef;

/**
 * A changed field's value as plain text for the diff views ({@code ${@htmlText.of(x)}}): HTML bodies lose their tags,
 * file lists become "role: id" lines. Shown escaped, so nothing in a diff can run as markup.
 */
@Component("htmlText")
public class HtmlText {

    public String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> item instanceof AssetRef ref ? ref.role() + ": " + ref.assetId() : String.valueOf(item))
                    .collect(Collectors.joining("; "));
        }
        String text = String.valueOf(value);
        return text.contains("<") ? HtmlSanitizer.text(text) : text;
    }
}
