package org.borderwatch.report;

import java.time.Instant;

/**
 * The supervisors' list narrowed down; null means "any". Times bound when the incident occurred;
 * the box is minLon, minLat, maxLon, maxLat; text is matched anywhere in the narrative.
 */
public record ReportFilter(ReportStatus status, Category category, Impact impact, String borderGate, Instant from,
                           Instant to, double[] box, String text, boolean oldestFirst) {

    public static ReportFilter none() {
        return new ReportFilter(null, null, null, null, null, null, null, null, false);
    }
}
