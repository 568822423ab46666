package org.borderwatch.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.report.Category;
import org.borderwatch.report.Grading;
import org.borderwatch.report.Impact;
import org.borderwatch.report.ReportContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The content of a case exactly as released to a partner: redacted by the server, stored and signed as it is. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SharedCase", description = "A released snapshot of a case, already redacted. Never contains the reporter or the device.",
        example = "{\"shareId\":\"9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f\",\"version\":1,\"fromAgency\":\"VN-QN\",\"toAgency\":\"CN-GX\","
                + "\"handlingCode\":\"H1\",\"title\":\"Methamphetamine crossing at Bac Luan II\",\"categories\":[\"DRUGS\"],"
                + "\"reports\":[{\"reference\":\"R1\",\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T14:40:00Z\","
                + "\"location\":{\"lat\":21.53,\"lon\":107.97,\"accuracyMeters\":1000},\"exactLocation\":false}],\"evidence\":[]}")
public record SharedCase(
        @Schema(description = "The share.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") UUID shareId,
        @Schema(description = "Snapshot version, from 1.", example = "1") int version,
        @Schema(description = "Releasing agency.", example = "VN-QN") String fromAgency,
        @Schema(description = "Receiving agency.", example = "CN-GX") String toAgency,
        HandlingCode handlingCode,
        @Schema(description = "The restrictions of an H3 release.", example = "Not to be shown to customs") String conditions,
        @Schema(description = "Why it was released.", example = "Joint investigation of the Bac Luan II route") String purpose,
        @Schema(description = "When this version was published.", example = "2026-11-21T02:00:00Z") Instant publishedAt,
        @Schema(description = "Case title (identifying numbers masked unless released).", example = "Methamphetamine crossing at Bac Luan II") String title,
        @Schema(description = "Case summary (identifying numbers masked unless released).", example = "Two couriers on one motorbike.") String summary,
        @Schema(description = "Impact level.", example = "HIGH") Impact impact,
        @Schema(description = "Categories of the case.", example = "[\"DRUGS\"]") Set<String> categories,
        @Schema(description = "The case's reports, redacted.") List<Report> reports,
        @Schema(description = "The evidence released: partner copies of photos, without embedded metadata; each hash is of the "
                + "bytes the partner downloads.", example = "[]") List<Evidence> evidence) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SharedEvidence", description = "One released evidence item: its partner copy, every embedded metadata block removed.",
            example = "{\"id\":\"4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f\",\"contentType\":\"image/jpeg\",\"size\":2480112,"
                    + "\"sha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\",\"capturedAt\":\"2026-11-20T14:38:00Z\"}")
    public record Evidence(
            @Schema(description = "Evidence id (download it from /evidence/{id}).", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") UUID id,
            @Schema(description = "Type of the partner copy.", example = "image/jpeg") String contentType,
            @Schema(description = "Size of the partner copy in bytes.", example = "2480112") long size,
            @Schema(description = "Hex SHA-256 of the partner copy: the ETag of its download.",
                    example = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b") String sha256,
            @Schema(description = "Capture time the phone declared.", example = "2026-11-20T14:38:00Z") Instant capturedAt) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SharedReport", description = "One report of a released case, redacted.",
            example = "{\"reference\":\"R1\",\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T14:40:00Z\","
                    + "\"location\":{\"lat\":21.53,\"lon\":107.97,\"accuracyMeters\":1000},\"exactLocation\":false}")
    public record Report(
            @Schema(description = "Reference within this release (R1, R2, ...); the report's own id is not released.", example = "R1") String reference,
            @Schema(description = "What it is about.", example = "DRUGS") Category category,
            @Schema(description = "When it happened (UTC).", example = "2026-11-20T14:40:00Z") OffsetDateTime occurredAt,
            ReportContent.Location location,
            @Schema(description = "Whether the location is exact or rounded to about 1 km.", example = "false") boolean exactLocation,
            @Schema(description = "Nearest border gate.", example = "MONG_CAI") String borderGate,
            @Schema(description = "Nearest border marker.", example = "1369") String borderMarker,
            ReportContent.Narrative narrative,
            @Schema(description = "People involved.") List<ReportContent.Person> people,
            @Schema(description = "Vehicles involved; plates masked unless released.") List<ReportContent.Vehicle> vehicles,
            @Schema(description = "Goods seen or seized.") List<ReportContent.Goods> goods,
            @Schema(description = "Impact level.", example = "HIGH") Impact impact,
            Grading grading) {
    }
}
