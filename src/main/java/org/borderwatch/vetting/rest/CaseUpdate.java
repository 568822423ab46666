package org.borderwatch.vetting.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.borderwatch.report.Impact;
import org.borderwatch.vetting.CaseStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "CaseUpdate", description = "Changes to a case; absent fields stay as they are.",
        example = "{\"status\":\"CLOSED\",\"summary\":\"Couriers arrested on 2026-11-21.\"}")
public record CaseUpdate(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Schema(description = "Short title.", example = "Methamphetamine crossing at Bac Luan II") String title,
        @Size(max = 5000) @Schema(description = "What is known so far.", example = "Couriers arrested on 2026-11-21.") String summary,
        @Schema(description = "Impact level.", example = "HIGH") Impact impact,
        @Schema(description = "OPEN or CLOSED.", example = "CLOSED") CaseStatus status,
        @Size(max = 255) @Schema(description = "Subject of the supervisor working the case.", example = "3f1c2b9e-0d7a-4a51-9b1e-6f2d8c4e7a10") String assignedTo) {

    public boolean isEmpty() {
        return title == null && summary == null && impact == null && status == null && assignedTo == null;
    }
}
