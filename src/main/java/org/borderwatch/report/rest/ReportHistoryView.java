package org.borderwatch.report.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.borderwatch.report.Grading;
import org.borderwatch.report.Impact;
import org.borderwatch.report.Report;
import org.borderwatch.report.ReportHistoryEntry;
import org.borderwatch.report.ReportStatus;
import org.borderwatch.report.service.ReportService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReportHistoryEntry", description = "One step in a report's life.",
        example = "{\"kind\":\"INFO_REQUESTED\",\"version\":2,\"actor\":\"3f1c…\",\"at\":\"2026-11-20T15:00:00Z\","
                + "\"fromStatus\":\"SUBMITTED\",\"toStatus\":\"NEEDS_INFO\",\"note\":\"How many packages did you see?\"}")
public record ReportHistoryView(
        @Schema(description = "FILED, AMENDED, ANSWERED (amended after a question), VERIFIED, REJECTED or INFO_REQUESTED.", example = "INFO_REQUESTED")
        ReportHistoryEntry.Kind kind,
        @Schema(description = "Report version after this step.", example = "2") int version,
        @Schema(description = "Subject of who did it.", example = "3f1c2b9e-0d7a-4a51-9b1e-6f2d8c4e7a10") String actor,
        @Schema(description = "When.", example = "2026-11-20T15:00:00Z") Instant at,
        @Schema(description = "Status before.", example = "SUBMITTED") ReportStatus fromStatus,
        @Schema(description = "Status after.", example = "NEEDS_INFO") ReportStatus toStatus,
        @Schema(description = "The question, the rejection reason or the supervisor's note.", example = "How many packages did you see?") String note,
        Grading grading,
        @Schema(description = "Impact level set by a VERIFY.", example = "HIGH") Impact impact) {

    @RegisterForReflection
    @Schema(name = "ReportHistory", description = "A report's history, oldest first.",
            example = "{\"items\":[{\"kind\":\"FILED\",\"version\":1,\"at\":\"2026-11-20T14:41:02Z\",\"toStatus\":\"SUBMITTED\"}]}")
    public record Page(
            @Schema(description = "The steps, oldest first.") List<ReportHistoryView> items,
            @Schema(description = "Always null: a report's history fits on one page.", example = "null", nullable = true) String nextCursor) {
    }

    public static Page of(ReportService.Timeline timeline) {
        Report report = timeline.report();
        List<ReportHistoryView> items = new ArrayList<>();
        items.add(new ReportHistoryView(ReportHistoryEntry.Kind.FILED, 1, report.reporter, report.receivedAt, null,
                ReportStatus.SUBMITTED, null, null, null));
        for (ReportHistoryEntry e : timeline.entries()) {
            items.add(new ReportHistoryView(e.kind, e.version, e.actor, e.at, e.fromStatus, e.toStatus, e.note,
                    Grading.of(e.gradingSource, e.gradingInformation), e.impact));
        }
        return new Page(items, null);
    }
}
