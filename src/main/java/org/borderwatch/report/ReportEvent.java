package org.borderwatch.report;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an officer's app hears live about one of its reports: a decision or a question. */
@RegisterForReflection
@Schema(name = "ReportEvent", description = "A decision or question on one of the caller's reports, as sent on the live stream.",
        example = "{\"id\":\"1c9e…\",\"reportId\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\",\"kind\":\"INFO_REQUESTED\",\"status\":\"NEEDS_INFO\","
                + "\"version\":2,\"at\":\"2026-11-20T15:00:00Z\",\"note\":\"How many packages did you see?\"}")
public record ReportEvent(
        @Schema(description = "Event id (also the SSE id, for Last-Event-ID).", example = "1c9e6f2a-7b3d-4c1e-9a8f-2d3b4c5e6f70") UUID id,
        @Schema(description = "The report.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") UUID reportId,
        @Schema(hidden = true) String reporter,
        @Schema(description = "VERIFIED, REJECTED or INFO_REQUESTED.", example = "INFO_REQUESTED") ReportHistoryEntry.Kind kind,
        @Schema(description = "The report's status now.", example = "NEEDS_INFO") ReportStatus status,
        @Schema(description = "The report's version now.", example = "2") int version,
        @Schema(description = "When.", example = "2026-11-20T15:00:00Z") Instant at,
        @Schema(description = "The question or the rejection reason.", example = "How many packages did you see?") String note) {

    public static ReportEvent of(ReportHistoryEntry entry, String reporter) {
        return new ReportEvent(entry.id, entry.reportId, reporter, entry.kind, entry.toStatus, entry.version, entry.at,
                entry.kind == ReportHistoryEntry.Kind.VERIFIED ? null : entry.note);
    }
}
