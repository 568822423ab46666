package org.borderwatch.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a caller did, as named in the access log. */
@Schema(description = "What a caller did.", example = "REPORT_READ")
public enum AuditAction {
    /** Any request refused before it reached a resource (role, token, unknown agency). */
    ACCESS,
    REPORT_CREATE,
    REPORT_READ,
    REPORT_AMEND,
    REPORT_VERSIONS_READ,
    REPORT_HISTORY_READ,
    /** A supervisor's decision on a report: verify, reject, request information. */
    REPORT_DECIDE,
    /** An officer's app opened the live stream of decisions on its reports. */
    REPORT_EVENTS_SUBSCRIBE,
    /** A report delivered through the offline-sync changes feed. */
    REPORT_SYNC,
    /** A report shown in the supervisors' list. */
    REPORT_LIST,
    CASE_CREATE,
    CASE_READ,
    CASE_LIST,
    CASE_UPDATE,
    AUDIT_READ,
    AUDIT_VERIFY,
    AUDIT_EXPORT
}
