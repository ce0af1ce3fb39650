package vn.bhxh.cms.demo;

import java.util.List;

/** demo/reference-data.json: the reference data of the source documents. */
record ReferenceSeed(List<Entry> topics, List<Entry> audienceGroups, List<Entry> campaigns, List<Entry> provinces,
        List<Entry> units, List<Entry> languages) {

    record Entry(String code, String nameVi, String nameEn, String parent, String startMonthDay, String endMonthDay,
            String descriptionVi, String script) {
    }
}
