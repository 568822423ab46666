package org.borderwatch.vetting.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "ReportStats", description = "Counts of the agency's reports for a dashboard.",
        example = "{\"groupBy\":\"category\",\"from\":\"2026-10-23T00:00:00Z\",\"to\":\"2026-11-22T00:00:00Z\",\"items\":[{\"key\":\"DRUGS\",\"count\":42}]}")
public record StatsView(
        @Schema(description = "What the counts are grouped by.", example = "category") String groupBy,
        @Schema(description = "Incidents at or after.", example = "2026-10-23T00:00:00Z") Instant from,
        @Schema(description = "Incidents before.", example = "2026-11-22T00:00:00Z") Instant to,
        @Schema(description = "One count per group, largest first.") List<Count> items) {

    @RegisterForReflection
    @Schema(name = "ReportCount", description = "How many reports fall in one group.", example = "{\"key\":\"DRUGS\",\"count\":42}")
    public record Count(
            @Schema(description = "The group: a category, a border gate, a day (YYYY-MM-DD) or an impact level; NONE when unset.", example = "DRUGS") String key,
            @Schema(description = "How many reports.", example = "42") long count) {
    }
}
