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
}
