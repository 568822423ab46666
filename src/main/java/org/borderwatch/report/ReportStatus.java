package org.borderwatch.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a report stands in vetting. Officers may amend it only while it is SUBMITTED. */
@Schema(description = "Where a report stands in vetting.", example = "SUBMITTED")
public enum ReportStatus {
    SUBMITTED, NEEDS_INFO, VERIFIED, REJECTED;

    public boolean amendable() {
        return this == SUBMITTED || this == NEEDS_INFO;
    }

    /** An amendment answers an open question, so the report goes back into the supervisors' queue. */
    public ReportStatus afterAmendment() {
        return SUBMITTED;
    }
}
