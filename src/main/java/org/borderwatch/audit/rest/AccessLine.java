package org.borderwatch.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AccessLine", description = "One access to a resource.",
        example = "{\"actor\":\"be6a6ad6-9084-4753-aad7-faf46164032b\",\"agency\":\"VN-QN\",\"at\":\"2026-11-20T14:41:02Z\","
                + "\"action\":\"REPORT_READ\",\"purpose\":\"investigation 2026/117\",\"outcome\":\"ALLOWED\"}")
public record AccessLine(
        @Schema(description = "Token subject of who accessed it.", example = "be6a6ad6-9084-4753-aad7-faf46164032b") String actor,
        @Schema(description = "Agency they acted for.", example = "VN-QN") String agency,
        @Schema(description = "When.", example = "2026-11-20T14:41:02Z") Instant at,
        @Schema(description = "What they did.", example = "REPORT_READ") AuditAction action,
        @Schema(description = "Stated purpose (X-Access-Purpose).", example = "investigation 2026/117") String purpose,
        @Schema(description = "ALLOWED, DENIED or FAILED.", example = "ALLOWED") Outcome outcome) {

    public static AccessLine of(AuditEvent e) {
        return new AccessLine(e.subject, e.agency, e.occurredAt, e.action, e.purpose, e.outcome);
    }

    @RegisterForReflection
    @Schema(name = "AccessLinePage", description = "Accesses to one resource, newest first.", example = "{\"items\":[],\"nextCursor\":null}")
    public record Page(
            @Schema(description = "The accesses.") List<AccessLine> items,
            @Schema(description = "Cursor for the next page; null at the end.", example = "YXVkaXR8MjAyNi0xMS0yMFQxNDo0MTowMlp8NmEzYw", nullable = true) String nextCursor) {
    }
}
