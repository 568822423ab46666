package org.borderwatch.report;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 4x4 grading of law-enforcement exchange: how reliable the source, how sound the information. */
@RegisterForReflection
@Schema(name = "Grading", description = "Source reliability A (reliable), B (mostly reliable), C (not reliable), X (cannot be judged); "
        + "information 1 (known true), 2 (known to the source), 3 (not known to the source, corroborated), 4 (cannot be judged).",
        example = "{\"source\":\"B\",\"information\":\"2\"}")
public record Grading(
        @NotNull @Pattern(regexp = "[ABCX]", message = "must be A, B, C or X")
        @Schema(description = "Source reliability: A, B, C or X.", example = "B", required = true, enumeration = {"A", "B", "C", "X"})
        String source,
        @NotNull @Pattern(regexp = "[1-4]", message = "must be 1, 2, 3 or 4")
        @Schema(description = "Information assessment: 1, 2, 3 or 4.", example = "2", required = true, enumeration = {"1", "2", "3", "4"})
        String information) {

    public static Grading of(String source, String information) {
        return source == null ? null : new Grading(source, information);
    }
}
