package org.borderwatch.security;

import jakarta.enterprise.context.ApplicationScoped;

/** The one place that decides whether a caller may see or change another party's resource. */
@ApplicationScoped
public class AgencyAccess {

    /** Officers see their own reports; supervisors see every report of their agency. */
    public boolean canReadReport(Caller caller, String reportAgency, String reporter) {
        if (!caller.agency().equals(reportAgency)) {
            return false;
        }
        return caller.has(Roles.SUPERVISOR) || caller.has(Roles.OFFICER) && caller.subject().equals(reporter);
    }

    /** Cases are worked by the supervisors of the agency that owns them. */
    public boolean canManageCase(Caller caller, String caseAgency) {
        return caller.agency().equals(caseAgency) && caller.has(Roles.SUPERVISOR);
    }

    /** Only the officer who filed a report may retry or amend it. */
    public boolean canFileReport(Caller caller, String reportAgency, String reporter) {
        return caller.agency().equals(reportAgency) && caller.subject().equals(reporter);
    }

    /** A case is released to partners by the supervisors and liaisons of the agency that owns it. */
    public boolean canReleaseCase(Caller caller, String caseAgency) {
        return caller.agency().equals(caseAgency) && (caller.has(Roles.SUPERVISOR) || caller.has(Roles.LIAISON));
    }

    /** An outgoing share is seen by the same people who may release it. */
    public boolean canSeeOutgoingShare(Caller caller, String fromAgency) {
        return canReleaseCase(caller, fromAgency);
    }

    /**
     * The content of a release (its snapshots) is seen by the owner's supervisors always, and by the owner's liaisons only
     * once a second supervisor has approved it: until then it may hold what liaisons are not otherwise allowed to read.
     */
    public boolean canSeeReleaseContent(Caller caller, String fromAgency, boolean approved) {
        return canSeeOutgoingShare(caller, fromAgency) && (approved || caller.has(Roles.SUPERVISOR));
    }

    /** Four-eyes: a supervisor of the owning agency other than the one who asked for the release. */
    public boolean canApproveShare(Caller caller, String fromAgency, String requestedBy) {
        return caller.agency().equals(fromAgency) && caller.has(Roles.SUPERVISOR) && !caller.subject().equals(requestedBy);
    }

    /** What is shared to an agency is worked by that agency's liaisons; a release never approved does not exist for them. */
    public boolean canReceiveShare(Caller caller, String toAgency, boolean approved) {
        return approved && caller.agency().equals(toAgency) && caller.has(Roles.LIAISON);
    }

    /** An agreement is made and changed by an admin of the agency that releases under it, or by the platform operator. */
    public boolean canManageAgreement(Caller caller, String fromAgency) {
        return caller.has(Roles.OPERATOR) || caller.has(Roles.ADMIN) && caller.agency().equals(fromAgency);
    }

    /** A new agency is added by the platform operator; an agency's names are changed by its own admins (or the operator). */
    public boolean canChangeAgency(Caller caller, String code, boolean exists) {
        return caller.has(Roles.OPERATOR) || exists && caller.has(Roles.ADMIN) && caller.agency().equals(code);
    }

    /** Agreements are kept by admins and the operator, and read by the supervisors and liaisons of either party. */
    public boolean canReadAgreement(Caller caller, String fromAgency, String toAgency) {
        return caller.has(Roles.ADMIN) || caller.has(Roles.OPERATOR) || (caller.has(Roles.SUPERVISOR) || caller.has(Roles.LIAISON))
                && (caller.agency().equals(fromAgency) || caller.agency().equals(toAgency));
    }

    /** An upload in progress is continued or abandoned by whoever opened it, or a supervisor of its agency. */
    public boolean canHandleUpload(Caller caller, String agency, String uploadedBy) {
        return caller.agency().equals(agency) && (caller.subject().equals(uploadedBy) || caller.has(Roles.SUPERVISOR));
    }

    /** The chain of custody of an agency's evidence is read by its supervisors and auditors. */
    public boolean canReadCustody(Caller caller, String agency) {
        return caller.agency().equals(agency) && (caller.has(Roles.SUPERVISOR) || caller.has(Roles.AUDITOR));
    }

    /** Which partner installations this one trusts is seen and configured by admins and the platform operator. */
    public boolean canConfigureFederation(Caller caller) {
        return caller.has(Roles.ADMIN) || caller.has(Roles.OPERATOR);
    }
}
