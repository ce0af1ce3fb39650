package vn.bhxh.cms.security;

/** What a user may do; scopes (topics, languages, a province, channels) narrow some roles further. */
public enum Role {
    ADMIN,
    EDITOR,
    REVIEWER,
    APPROVER,
    TRANSLATOR,
    PROVINCIAL_STAFF,
    CONNECTOR
}
