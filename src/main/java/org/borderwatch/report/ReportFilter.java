package org.borderwatch.report;

import java.time.Instant;

/** The supervisors' list narrowed down; null means "any". Times bound when the incident occurred. */
public record ReportFilter(ReportStatus status, Category category, Instant from, Instant to) {
}
