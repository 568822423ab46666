package org.borderwatch.audit;

import java.time.Instant;

/** What an auditor narrows the access log down to; null means "any". */
public record AuditEventFilter(String actor, String agency, AuditAction action, String resourceType, String resourceId,
                               Outcome outcome, Instant from, Instant to) {
}
