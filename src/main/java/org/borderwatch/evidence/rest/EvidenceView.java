package org.borderwatch.evidence.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.borderwatch.evidence.Evidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Evidence", description = "A photo, video or document of a report, bit-exact as captured; its SHA-256 is also its ETag.",
        example = "{\"id\":\"4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f\",\"reportId\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\",\"filename\":\"IMG_0412.jpg\","
                + "\"contentType\":\"image/jpeg\",\"size\":2481733,\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                + "\"camera\":\"Samsung SM-A546E\",\"gpsLat\":21.5281,\"gpsLon\":107.9652}")
public record EvidenceView(
        @Schema(description = "Evidence id (also the id of the upload that made it).", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") UUID id,
        @Schema(description = "The report.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") UUID reportId,
        @Schema(description = "File name as sent by the phone.", example = "IMG_0412.jpg") String filename,
        @Schema(description = "Type, checked against the bytes.", example = "image/jpeg") String contentType,
        @Schema(description = "Size in bytes.", example = "2481733") long size,
        @Schema(description = "Hex SHA-256, declared at capture and checked on arrival.",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(description = "Capture time the phone declared.", example = "2026-11-20T14:38:00Z") Instant capturedAt,
        @Schema(description = "Capture time in the photo's EXIF.", example = "2026-11-20T14:38:02Z") Instant exifTakenAt,
        @Schema(description = "Camera (EXIF make and model).", example = "Samsung SM-A546E") String camera,
        @Schema(description = "Latitude in the photo's EXIF.", example = "21.5281") Double gpsLat,
        @Schema(description = "Longitude in the photo's EXIF.", example = "107.9652") Double gpsLon,
        @Schema(description = "Set when the photo was taken far from the report's location.",
                example = "photo taken 4210 m from the report's location") String locationFlag,
        @Schema(description = "Who uploaded it.", example = "be6a6ad6-9084-4753-aad7-faf46164032b") String uploadedBy,
        @Schema(description = "When it became evidence.", example = "2026-11-20T14:45:10Z") Instant createdAt) {

    public static EvidenceView of(Evidence e) {
        return new EvidenceView(e.id, e.reportId, e.filename, e.contentType, e.size, e.sha256, e.capturedAt, e.exifTakenAt, e.camera,
                e.gpsLat, e.gpsLon, e.locationFlag, e.uploadedBy, e.createdAt);
    }
}
