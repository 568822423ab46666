package org.borderwatch.report.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import org.borderwatch.report.ReportContent;
import org.borderwatch.report.ReportStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReportVersion", description = "One version of a report's content and how long it was current.",
        example = "{\"version\":1,\"status\":\"SUBMITTED\",\"validFrom\":\"2026-11-20T14:41:02Z\",\"validTo\":\"2026-11-20T15:02:10Z\","
                + "\"amendedBy\":\"be6a6ad6-9084-4753-aad7-faf46164032b\",\"content\":" + ReportContent.EXAMPLE + "}")
public record ReportVersionView(
        @Schema(description = "Version number.", example = "1") int version,
        @Schema(description = "Status while this version was current.", example = "SUBMITTED") ReportStatus status,
        @Schema(description = "When it became current.", example = "2026-11-20T14:41:02Z") Instant validFrom,
        @Schema(description = "When a newer version replaced it; absent for the current one.", example = "2026-11-20T15:02:10Z") Instant validTo,
        @Schema(description = "Subject who replaced it.", example = "be6a6ad6-9084-4753-aad7-faf46164032b") String amendedBy,
        ReportContent content) {

    @RegisterForReflection
    @Schema(name = "ReportVersionList", description = "All versions of a report, oldest first; the last is the current one.",
            example = "{\"items\":[{\"version\":1,\"status\":\"SUBMITTED\",\"validFrom\":\"2026-11-20T14:41:02Z\"}]}")
    public record Page(
            @Schema(description = "The versions, oldest first.") List<ReportVersionView> items,
            @Schema(description = "Always null: a report's versions fit on one page.", example = "null", nullable = true) String nextCursor) {
    }
}
