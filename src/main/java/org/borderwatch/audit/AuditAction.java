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
    AGENCY_UPDATE,
    AGREEMENT_UPDATE,
    AGREEMENT_READ,
    /** A release of a case to a partner agency was requested (and made, unless it awaits approval). */
    SHARE_CREATE,
    /** A supervisor saw what a release would give the partner, before releasing it (nothing left). */
    SHARE_PREVIEW,
    /** A second supervisor approved a release (four-eyes). */
    SHARE_APPROVE,
    /** An updated snapshot was published to an existing share. */
    SHARE_PUBLISH,
    SHARE_REVOKE,
    /** A share reached its expiry; recorded by the service itself. */
    SHARE_EXPIRE,
    /** A share and its released snapshots read, by the owner or the recipient. */
    SHARE_READ,
    /** Shares shown in a list (the owner's list of a case's shares, the recipient's inbox). */
    SHARE_LIST,
    SHARE_ACKNOWLEDGE,
    SHARE_MESSAGE,
    SHARE_MESSAGES_READ,
    /** A liaison opened the live inbox stream. */
    SHARE_SUBSCRIBE,
    /** A resumable upload of evidence to a report was opened. */
    EVIDENCE_UPLOAD_START,
    /** The last byte arrived and matched the declared SHA-256: the file became evidence. */
    EVIDENCE_UPLOAD,
    EVIDENCE_UPLOAD_ABANDON,
    EVIDENCE_UPLOAD_EXPIRE,
    EVIDENCE_DOWNLOAD,
    EVIDENCE_METADATA_READ,
    EVIDENCE_CUSTODY_READ,
    /** A partner installation was configured or changed (federation). */
    FEDERATION_UPDATE,
    FEDERATION_READ,
    /** A partner installation read its TAXII collection here (recorded per page). */
    FEDERATION_PULL,
    /** An object from a partner installation was verified and applied. */
    FEDERATION_RECEIVE,
    /** An object from a partner installation was refused (bad or unknown signature, not this partner's, not agreed). */
    FEDERATION_REFUSE,
    /** A partner witnessing this installation's access log refused one of its checkpoints: the log may have been rewritten. */
    FEDERATION_CONTRADICTION,
    AUDIT_READ,
    AUDIT_VERIFY,
    AUDIT_EXPORT
}
