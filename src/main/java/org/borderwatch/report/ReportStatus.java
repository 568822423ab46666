package org.borderwatch.report;

/** Where a report stands in vetting. Officers may amend it only while it is SUBMITTED. */
public enum ReportStatus {
    SUBMITTED, NEEDS_INFO, VERIFIED, REJECTED;

    public boolean amendable() {
        return this == SUBMITTED || this == NEEDS_INFO;
    }
}
