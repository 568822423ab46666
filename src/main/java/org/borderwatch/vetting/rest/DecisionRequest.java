package org.borderwatch.vetting.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.borderwatch.report.Grading;
import org.borderwatch.report.Impact;
import org.borderwatch.vetting.Decision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "DecisionRequest", description = "A supervisor's decision. VERIFY needs a grading and may revise the impact; "
        + "REJECT needs a reason; REQUEST_INFO needs a question for the officer.",
        example = "{\"decision\":\"VERIFY\",\"grading\":{\"source\":\"B\",\"information\":\"2\"},\"impact\":\"HIGH\",\"note\":\"Matches the patrol log\"}")
public record DecisionRequest(
        @NotNull @Schema(description = "The decision.", example = "VERIFY", required = true) Decision decision,
        @Valid Grading grading,
        @Schema(description = "Revised impact level (VERIFY only).", example = "HIGH") Impact impact,
        @Size(max = 2000) @Schema(description = "The supervisor's note (VERIFY).", example = "Matches the patrol log") String note,
        @Size(max = 2000) @Schema(description = "What the officer should add (REQUEST_INFO).", example = "How many packages did you see?") String question,
        @Size(max = 2000) @Schema(description = "Why the report is rejected (REJECT).", example = "Duplicate of an earlier report") String reason) {
}
