package vn.bhxh.cms.report;

import static vn.bhxh.cms.security.Role.ADMIN;
import static vn.bhxh.cms.security.Role.APPROVER;
import static vn.bhxh.cms.security.Role.EDITOR;
import static vn.bhxh.cms.security.Role.PROVINCIAL_STAFF;
import static vn.bhxh.cms.security.Role.REPORT_APPROVER;
import static vn.bhxh.cms.security.Role.REVIEWER;

import java.util.Objects;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.security.Actor;

/**
 * Who may see and do what with reports: a province's staff see and edit their own province's reports, its report
 * approver signs them off; the centre (administrators, editors, reviewers, approvers) sees every province, and its
 * approvers and administrators accept or return what was sent.
 */
@Component
class ReportAccess {

    boolean isCentre(Actor actor) {
        return actor.hasAny(ADMIN, EDITOR, REVIEWER, APPROVER);
    }

    /** The province the actor reports for, or null for the centre and everybody else. */
    String ownProvince(Actor actor) {
        return actor.hasAny(PROVINCIAL_STAFF, REPORT_APPROVER) ? actor.scopes().province() : null;
    }

    boolean canRead(Actor actor, String province) {
        return isCentre(actor) || (province != null && Objects.equals(ownProvince(actor), province));
    }

    boolean canEdit(Actor actor, String province) {
        return actor.has(ADMIN) || (province != null && Objects.equals(ownProvince(actor), province));
    }

    boolean allows(Actor actor, Report report, ReportAction action) {
        if (!action.allowedFrom(report.state())) {
            return false;
        }
        return switch (action) {
            case SUBMIT -> actor.has(REPORT_APPROVER) && Objects.equals(actor.scopes().province(), report.province());
            case ACCEPT, RETURN -> actor.hasAny(ADMIN, APPROVER);
        };
    }

    void requireRead(Actor actor, String province) {
        if (!canRead(actor, province)) {
            throw new ForbiddenException("report-forbidden", province);
        }
    }

    void requireEdit(Actor actor, String province) {
        if (!canEdit(actor, province)) {
            throw new ForbiddenException("report-forbidden", province);
        }
    }

    void requireStep(Actor actor, Report report, ReportAction action) {
        boolean roleAllows = switch (action) {
            case SUBMIT -> actor.has(REPORT_APPROVER) && Objects.equals(actor.scopes().province(), report.province());
            case ACCEPT, RETURN -> actor.hasAny(ADMIN, APPROVER);
        };
        if (!roleAllows) {
            throw new ForbiddenException("report-forbidden-step", action.name());
        }
    }
}
