package org.borderwatch.report.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.borderwatch.common.problem.Problem;
import org.borderwatch.report.ReportStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "ReportBatchResults", description = "One result per submitted report, in request order.",
        example = "{\"results\":[{\"id\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\",\"outcome\":\"CREATED\",\"status\":\"SUBMITTED\"}]}")
public record BatchResponse(
        @Schema(description = "Results in request order.") List<Result> results) {

    @Schema(name = "ReportBatchOutcome", description = "What became of one report of a batch.", example = "CREATED")
    public enum Outcome { CREATED, DUPLICATE, CONFLICT, INVALID }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReportBatchResult", description = "What became of one report of a batch.",
            example = "{\"id\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\",\"outcome\":\"CREATED\",\"status\":\"SUBMITTED\"}")
    public record Result(
            @Schema(description = "The report id as sent (absent when the item had none).", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") String id,
            @Schema(description = "CREATED (stored now), DUPLICATE (stored before, same content), CONFLICT (id taken by different content), INVALID (refused).",
                    example = "CREATED") Outcome outcome,
            @Schema(description = "Status of the stored report, for CREATED and DUPLICATE.", example = "SUBMITTED") ReportStatus status,
            @Schema(description = "Why the item was not stored, for CONFLICT and INVALID.") Problem problem) {
    }
}
