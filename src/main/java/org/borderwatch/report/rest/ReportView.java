package org.borderwatch.report.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.borderwatch.evidence.rest.EvidenceView;
import org.borderwatch.report.Category;
import org.borderwatch.report.Impact;
import org.borderwatch.report.Report;
import org.borderwatch.report.ReportContent;
import org.borderwatch.report.ReportStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Report", description = "A field report as stored: the content the phone sent plus what the server added.",
        example = "{\"id\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\",\"agency\":\"VN-QN\",\"reporter\":\"be6a6ad6-9084-4753-aad7-faf46164032b\","
                + "\"status\":\"SUBMITTED\",\"version\":1,\"receivedAt\":\"2026-11-20T14:41:02.123456Z\",\"updatedAt\":\"2026-11-20T14:41:02.123456Z\","
                + "\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T14:40:00Z\",\"location\":{\"lat\":21.5283,\"lon\":107.965,\"accuracyMeters\":12},"
                + "\"borderGate\":\"MONG_CAI\",\"impact\":\"HIGH\",\"deviceId\":\"android-7f3a\"}")
public record ReportView(
        @Schema(description = "Report id, made by the phone.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") UUID id,
        @Schema(description = "Agency of the reporting officer (from the token).", example = "VN-QN") String agency,
        @Schema(description = "Subject of the reporting officer's token.", example = "be6a6ad6-9084-4753-aad7-faf46164032b") String reporter,
        @Schema(description = "Where the report stands in vetting.", example = "SUBMITTED") ReportStatus status,
        @Schema(description = "Version number; also the ETag.", example = "1") int version,
        @Schema(description = "When the server first stored it (UTC).", example = "2026-11-20T14:41:02.123456Z") Instant receivedAt,
        @Schema(description = "When it last changed (UTC).", example = "2026-11-20T14:41:02.123456Z") Instant updatedAt,
        @Schema(description = "What the report is about.", example = "DRUGS") Category category,
        @Schema(description = "When it happened (UTC).", example = "2026-11-20T14:40:00Z") OffsetDateTime occurredAt,
        ReportContent.Location location,
        @Schema(description = "Nearest border gate.", example = "MONG_CAI") String borderGate,
        @Schema(description = "Nearest border marker.", example = "1369") String borderMarker,
        ReportContent.Narrative narrative,
        @Schema(description = "People involved.") List<ReportContent.Person> people,
        @Schema(description = "Vehicles involved.") List<ReportContent.Vehicle> vehicles,
        @Schema(description = "Goods seen or seized.") List<ReportContent.Goods> goods,
        @Schema(description = "Impact level.", example = "HIGH") Impact impact,
        @Schema(description = "Phone that filed it.", example = "android-7f3a") String deviceId,
        org.borderwatch.report.Grading grading,
        @Schema(description = "The supervisor's open question while the report is NEEDS_INFO; answer it by amending the report.",
                example = "How many packages did you see?") String question,
        @Schema(description = "Why the report was rejected.", example = "Duplicate of an earlier report") String rejectionReason,
        @Schema(description = "Its evidence items (when one report is read).") List<EvidenceView> evidence) {

    public static ReportView of(Report report, ReportContent content) {
        return new ReportView(report.id, report.agency, report.reporter, report.status, report.version, report.receivedAt,
                report.updatedAt, content.category(), content.occurredAt().withOffsetSameInstant(ZoneOffset.UTC),
                content.location(), content.borderGate(), content.borderMarker(), content.narrative(), content.people(),
                content.vehicles(), content.goods(), report.impact, content.deviceId(),
                org.borderwatch.report.Grading.of(report.gradingSource, report.gradingInformation), report.question,
                report.rejectionReason, null);
    }

    public ReportView withEvidence(List<EvidenceView> items) {
        return new ReportView(id, agency, reporter, status, version, receivedAt, updatedAt, category, occurredAt, location, borderGate,
                borderMarker, narrative, people, vehicles, goods, impact, deviceId, grading, question, rejectionReason, items);
    }
}
