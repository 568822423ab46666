package org.borderwatch.vetting.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.borderwatch.report.Impact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "CaseRequest", description = "A new case from one or more VERIFIED reports of the own agency.",
        example = "{\"title\":\"Methamphetamine crossing at Bac Luan II\",\"reportIds\":[\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\"]}")
public record CaseRequest(
        @NotBlank @Size(max = 200) @Schema(description = "Short title.", example = "Methamphetamine crossing at Bac Luan II", required = true) String title,
        @Size(max = 5000) @Schema(description = "What is known so far.", example = "Two couriers, same motorbike seen twice.") String summary,
        @Schema(description = "Impact level of the case.", example = "HIGH") Impact impact,
        @Size(max = 255) @Schema(description = "Subject of the supervisor working the case.", example = "3f1c2b9e-0d7a-4a51-9b1e-6f2d8c4e7a10") String assignedTo,
        @NotNull @Size(min = 1, max = 100) @Schema(description = "The reports, 1 to 100.", required = true) List<@NotNull UUID> reportIds) {
}
