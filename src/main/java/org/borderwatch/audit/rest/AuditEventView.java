package org.borderwatch.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AuditEvent", description = "One line of the access log.",
        example = "{\"id\":\"6a3c1f3e-2b1d-4d0b-8f1e-1f0c2b3a4d5e\",\"occurredAt\":\"2026-11-20T14:41:02.123456Z\","
                + "\"subject\":\"be6a6ad6-9084-4753-aad7-faf46164032b\",\"agency\":\"VN-QN\",\"roles\":\"officer\",\"action\":\"REPORT_CREATE\","
                + "\"resourceType\":\"REPORT\",\"resourceId\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\",\"resourceAgency\":\"VN-QN\","
                + "\"outcome\":\"ALLOWED\",\"clientAddress\":\"10.0.0.7\",\"userAgent\":\"Borderwatch/1.0 Android\",\"requestId\":\"5b0c3f0e-7d1a-4c61-9d55-0f0b8f1f6a11\"}")
public record AuditEventView(
        @Schema(description = "Event id.", example = "6a3c1f3e-2b1d-4d0b-8f1e-1f0c2b3a4d5e") UUID id,
        @Schema(description = "When it happened (UTC).", example = "2026-11-20T14:41:02.123456Z") Instant occurredAt,
        @Schema(description = "Token subject of the actor; absent when no valid token was sent.", example = "be6a6ad6-9084-4753-aad7-faf46164032b") String subject,
        @Schema(description = "Agency the actor acted for.", example = "VN-QN") String agency,
        @Schema(description = "Roles of the actor, comma-separated.", example = "officer") String roles,
        @Schema(description = "Device the request came from.", example = "android-7f3a") String deviceId,
        @Schema(description = "What was done.", example = "REPORT_CREATE") AuditAction action,
        @Schema(description = "Type of the resource.", example = "REPORT") String resourceType,
        @Schema(description = "Id of the resource.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") String resourceId,
        @Schema(description = "Agency owning the resource.", example = "VN-QN") String resourceAgency,
        @Schema(description = "ALLOWED, DENIED or FAILED.", example = "ALLOWED") Outcome outcome,
        @Schema(description = "Why it was denied or failed.", example = "resource belongs to another agency or reporter") String reason,
        @Schema(description = "Stated purpose of the access.", example = "investigation 2026/117") String purpose,
        @Schema(description = "Client IP address.", example = "10.0.0.7") String clientAddress,
        @Schema(description = "Client user agent.", example = "Borderwatch/1.0 Android") String userAgent,
        @Schema(description = "Request id (X-Request-Id).", example = "5b0c3f0e-7d1a-4c61-9d55-0f0b8f1f6a11") String requestId) {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id, e.occurredAt, e.subject, e.agency, e.roles, e.deviceId, e.action, e.resourceType,
                e.resourceId, e.resourceAgency, e.outcome, e.reason, e.purpose, e.clientAddress, e.userAgent, e.requestId);
    }

    @RegisterForReflection
    @Schema(name = "AuditEventPage", description = "A page of the access log, newest first.",
            example = "{\"items\":[],\"nextCursor\":null}")
    public record Page(
            @Schema(description = "Events, newest first.") List<AuditEventView> items,
            @Schema(description = "Cursor for the next page; null at the end.", example = "YXVkaXR8MjAyNi0xMS0yMFQxNDo0MTowMlp8NmEzYw", nullable = true) String nextCursor) {
    }
}
