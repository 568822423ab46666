package org.borderwatch.vetting.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import org.borderwatch.report.repository.ReportRepository;
import org.borderwatch.report.rest.ReportView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "RelatedReport", description = "A report that probably concerns the same incident or network, with the reasons.",
        example = "{\"reasons\":[\"SAME_VEHICLE_PLATE\"],\"score\":4,\"distanceMeters\":830.5,\"hoursApart\":26.0,\"report\":{\"id\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\"}}")
public record RelatedReportView(
        @Schema(description = "SAME_VEHICLE_PLATE, SAME_BORDER_MARKER, SAME_CATEGORY_NEARBY.", example = "[\"SAME_VEHICLE_PLATE\"]") List<String> reasons,
        @Schema(description = "Ranking score: plate 4, border marker 2, same category nearby 1, added up.", example = "4") int score,
        @Schema(description = "Distance between the two reported points, metres.", example = "830.5") double distanceMeters,
        @Schema(description = "Time between the two incidents, hours.", example = "26.0") double hoursApart,
        ReportView report) {

    public static RelatedReportView of(ReportRepository.Relation relation, ReportView report) {
        List<String> reasons = new ArrayList<>();
        if (relation.samePlate()) {
            reasons.add("SAME_VEHICLE_PLATE");
        }
        if (relation.sameMarker()) {
            reasons.add("SAME_BORDER_MARKER");
        }
        if (relation.nearby()) {
            reasons.add("SAME_CATEGORY_NEARBY");
        }
        return new RelatedReportView(reasons, relation.score(), Math.round(relation.meters() * 10) / 10.0,
                Math.round(relation.hours() * 10) / 10.0, report);
    }

    @RegisterForReflection
    @Schema(name = "RelatedReportList", description = "Related reports, most related first (at most 50).", example = "{\"items\":[]}")
    public record Page(@Schema(description = "The related reports.") List<RelatedReportView> items) {
    }
}
