package org.borderwatch.sharing.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.Redaction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "ShareRequest", description = "A release of a case to a partner agency.",
        example = "{\"toAgency\":\"CN-GX\",\"handlingCode\":\"H1\",\"purpose\":\"Joint investigation of the Bac Luan II route\","
                + "\"expiresAt\":\"2027-01-31T00:00:00Z\",\"redaction\":{\"exactLocation\":false,\"personIdentifiers\":false,\"evidence\":[]}}")
public record ShareRequest(
        @NotNull @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,10}", message = "must be an agency code such as CN-GX")
        @Schema(description = "The partner agency.", example = "CN-GX", required = true) String toAgency,
        @NotNull
        @Schema(required = true) HandlingCode handlingCode,
        @Size(max = 2000)
        @Schema(description = "The restrictions, in words; required for H3.", example = "Not to be shown to customs") String conditions,
        @NotBlank @Size(min = 10, max = 2000)
        @Schema(description = "Why the case is released (at least 10 characters).", example = "Joint investigation of the Bac Luan II route",
                required = true) String purpose,
        @NotNull
        @Schema(description = "When the partner's access ends; in the future.", example = "2027-01-31T00:00:00Z", required = true) OffsetDateTime expiresAt,
        @NotNull @Valid
        @Schema(required = true) Redaction redaction) {
}
