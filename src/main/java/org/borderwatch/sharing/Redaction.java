package org.borderwatch.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a release may include beyond the redacted minimum. The reporter's identity and device are never released,
 * whatever the profile says.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Redaction", description = "What the release includes. Without exactLocation positions are rounded to about 1 km and "
        + "border markers are withheld; without personIdentifiers number plates and identifying numbers in the case's title and summary "
        + "are masked; narrative says what of the reports' free text is released; without sources the 4x4 grading is withheld; only "
        + "the evidence items named are released. The reporter's identity and device are never released. Exact location, identifiers, "
        + "sources, a FULL narrative and any evidence need a second supervisor's approval.",
        example = "{\"exactLocation\":false,\"personIdentifiers\":false,\"sources\":false,\"narrative\":\"MASKED\",\"evidence\":[]}")
public record Redaction(
        @NotNull @Schema(description = "Release exact positions.", example = "false", required = true) Boolean exactLocation,
        @NotNull @Schema(description = "Release number plates and identifying numbers.", example = "false", required = true) Boolean personIdentifiers,
        @Schema(description = "Release the source and information grading (default false).", example = "false") Boolean sources,
        @NotNull @Schema(description = "What of the reports' narratives is released.", required = true) NarrativeRelease narrative,
        @NotNull @Size(max = 100) @Schema(description = "Ids of the evidence items to release.", example = "[]", required = true)
        List<@NotNull UUID> evidence) {

    public Redaction {
        sources = sources != null && sources;
        evidence = evidence == null ? null : List.copyOf(evidence);
    }

    /** Four-eyes applies to releases that go beyond the redacted minimum. */
    public boolean revealsMore() {
        return exactLocation || personIdentifiers || sources || narrativeRelease() == NarrativeRelease.FULL || !evidence.isEmpty();
    }

    /** Profiles stored before the narrative was part of them released it as the identifiers setting said. */
    public NarrativeRelease narrativeRelease() {
        return narrative != null ? narrative : personIdentifiers ? NarrativeRelease.FULL : NarrativeRelease.MASKED;
    }
}
