package vn.bhxh.cms.security;

import java.util.Set;

/** What a user may do; scopes (topics, languages, a province, channels) narrow some roles further. */
public enum Role {
    ADMIN,
    EDITOR,
    REVIEWER,
    APPROVER,
    TRANSLATOR,
    PROVINCIAL_STAFF,
    /** Signs off and submits the province's communication reports (with the province scope). */
    REPORT_APPROVER,
    CONNECTOR;

    /** Who schedules publications and sees the channel targets, the jobs and failed deliveries. */
    public static final Set<Role> SCHEDULING = Set.of(ADMIN, EDITOR, APPROVER);
}
