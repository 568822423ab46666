package org.borderwatch.evidence.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.borderwatch.evidence.service.EvidenceService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a partner agency's liaison reads of a released item: the partner copy's facts; no uploader, report, file name or device. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PartnerEvidence", description = "A released evidence item as its recipient sees it: the partner copy (every embedded metadata "
        + "block removed), its SHA-256 (stated in the signed snapshot, and the download's ETag), the declared capture time, and the "
        + "position only when the release gives the exact location. Never the uploader, the report, the file name or the camera.",
        example = "{\"id\":\"4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f\",\"contentType\":\"image/jpeg\",\"size\":2480112,"
                + "\"sha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\",\"capturedAt\":\"2026-11-20T14:38:00Z\"}")
public record PartnerEvidenceView(
        @Schema(description = "Evidence id.", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") UUID id,
        @Schema(description = "Type of the partner copy.", example = "image/jpeg") String contentType,
        @Schema(description = "Size of the partner copy in bytes.", example = "2480112") long size,
        @Schema(description = "Hex SHA-256 of the partner copy.", example = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b") String sha256,
        @Schema(description = "Capture time the phone declared.", example = "2026-11-20T14:38:00Z") Instant capturedAt,
        @Schema(description = "Latitude in the photo's EXIF; only when the release gives the exact location.", example = "21.5281") Double gpsLat,
        @Schema(description = "Longitude in the photo's EXIF; only when the release gives the exact location.", example = "107.9652") Double gpsLon) {

    public static PartnerEvidenceView of(EvidenceService.Access access) {
        boolean located = access.exactLocation();
        return new PartnerEvidenceView(access.item().id, access.copy().contentType, access.copy().size, access.copy().sha256,
                access.item().capturedAt, located ? access.item().gpsLat : null, located ? access.item().gpsLon : null);
    }
}
