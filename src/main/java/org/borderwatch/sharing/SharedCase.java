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
        @Schema(description = "Ids of the evidence items released.", example = "[]") List<UUID> evidence) {

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
