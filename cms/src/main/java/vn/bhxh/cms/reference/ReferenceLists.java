package vn.bhxh.cms.reference;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reference data (topics, audience groups, campaigns, units, languages, provinces) as code → name in the page language. */
@Component
public class ReferenceLists {

    private final ReferenceData reference;

    ReferenceLists(ReferenceData reference) {
        this.reference = reference;
    }

    public Map<String, String> names(ReferenceKind kind, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ReferenceItem item : reference.list(kind)) {
            names.put(item.code(), name(item, locale));
        }
        return names;
    }

    private static String name(ReferenceItem item, Locale locale) {
        boolean english = "en".equals(locale.getLanguage()) && item.nameEn() != null && !item.nameEn().isBlank();
        String name = english ? item.nameEn() : item.nameVi();
        return name == null || name.isBlank() ? item.code() : name;
    }
}
