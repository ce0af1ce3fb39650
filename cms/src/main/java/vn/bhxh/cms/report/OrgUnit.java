package vn.bhxh.cms.report;

/** A reporting unit: the centre, a province or a commune, with its parent's code. */
public record OrgUnit(Level level, String code, String name, String parent) {

    public enum Level {
        CENTRE,
        PROVINCE,
        COMMUNE
    }
}
