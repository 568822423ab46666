package org.borderwatch.report.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import org.borderwatch.report.Report;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of reports as a GeoJSON FeatureCollection (RFC 7946) for map clients. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReportFeatureCollection", description = "A page of reports as a GeoJSON FeatureCollection; nextCursor continues the list.",
        example = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[107.965,21.5283]},\"properties\":{\"category\":\"DRUGS\",\"status\":\"SUBMITTED\"}}],\"nextCursor\":null}")
public record GeoJson(
        @Schema(description = "Always FeatureCollection.", example = "FeatureCollection") String type,
        @Schema(description = "One point feature per report.") List<Feature> features,
        @Schema(description = "Cursor for the next page; null at the end.", example = "bGlzdHwyMDI2LTExLTIwVDE0OjQxOjAyWnwwYjZm", nullable = true) String nextCursor) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReportFeature", description = "A report as a GeoJSON point feature.",
            example = "{\"type\":\"Feature\",\"id\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[107.965,21.5283]},"
                    + "\"properties\":{\"category\":\"DRUGS\",\"status\":\"SUBMITTED\"}}")
    public record Feature(
            @Schema(description = "Always Feature.", example = "Feature") String type,
            @Schema(description = "Report id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") String id,
            @Schema(description = "A Point with [longitude, latitude].") Map<String, Object> geometry,
            @Schema(description = "category, status, impact, occurredAt, receivedAt, borderGate, borderMarker, accuracyMeters.") Map<String, Object> properties) {

        static Feature of(Report report) {
            Map<String, Object> properties = new java.util.LinkedHashMap<>();
            properties.put("category", report.category);
            properties.put("status", report.status);
            properties.put("impact", report.impact);
            properties.put("occurredAt", report.occurredAt.toString());
            properties.put("receivedAt", report.receivedAt.toString());
            properties.put("borderGate", report.borderGate);
            properties.put("borderMarker", report.borderMarker);
            properties.put("accuracyMeters", report.accuracyMeters);
            properties.values().removeIf(java.util.Objects::isNull);
            return new Feature("Feature", report.id.toString(),
                    Map.of("type", "Point", "coordinates", List.of(report.lon, report.lat)), properties);
        }
    }

    public static GeoJson of(List<Report> reports, String nextCursor) {
        return new GeoJson("FeatureCollection", reports.stream().map(Feature::of).toList(), nextCursor);
    }
}
