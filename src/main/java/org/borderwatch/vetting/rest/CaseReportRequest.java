package org.borderwatch.vetting.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "CaseReportRequest", description = "A VERIFIED report to add to the case.",
        example = "{\"reportId\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\"}")
public record CaseReportRequest(
        @NotNull @Schema(description = "Report id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51", required = true) UUID reportId) {
}
