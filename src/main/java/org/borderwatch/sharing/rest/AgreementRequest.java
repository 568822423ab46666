package org.borderwatch.sharing.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.borderwatch.report.Category;
import org.borderwatch.sharing.HandlingCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "AgreementRequest", description = "A signed sharing agreement between two agencies.",
        example = "{\"from\":\"VN-QN\",\"to\":\"CN-GX\",\"categories\":[\"DRUGS\"],\"maxHandlingCode\":\"H2\",\"validFrom\":\"2026-01-01\","
                + "\"validTo\":\"2027-12-31\",\"reference\":\"JWC-2026/03 minutes, item 4\"}")
public record AgreementRequest(
        @NotNull @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,10}", message = "must be an agency code such as VN-QN")
        @Schema(description = "The releasing agency.", example = "VN-QN", required = true) String from,
        @NotNull @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,10}", message = "must be an agency code such as CN-GX")
        @Schema(description = "The receiving agency.", example = "CN-GX", required = true) String to,
        @NotEmpty @Size(max = 20)
        @Schema(description = "Report categories the agreement covers.", example = "[\"DRUGS\"]", required = true) List<@NotNull Category> categories,
        @NotNull
        @Schema(required = true) HandlingCode maxHandlingCode,
        @NotNull
        @Schema(description = "First day in force (ISO 8601 date).", example = "2026-01-01", required = true) LocalDate validFrom,
        @NotNull
        @Schema(description = "Last day in force (ISO 8601 date).", example = "2027-12-31", required = true) LocalDate validTo,
        @NotBlank @Size(max = 500)
        @Schema(description = "The signed document it rests on.", example = "JWC-2026/03 minutes, item 4", required = true) String reference) {
}
