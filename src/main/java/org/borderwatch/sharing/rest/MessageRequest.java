package org.borderwatch.sharing.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.borderwatch.sharing.MessageKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "MessageRequest", description = "A message in a share's thread.",
        example = "{\"kind\":\"REQUEST_FOR_INFORMATION\",\"body\":\"Which crossing point did the motorbike use?\",\"dueAt\":\"2026-11-28T00:00:00Z\"}")
public record MessageRequest(
        @NotNull
        @Schema(required = true) MessageKind kind,
        @NotBlank @Size(max = 10_000)
        @Schema(description = "The text, at most 10,000 characters.", example = "Which crossing point did the motorbike use?", required = true) String body,
        @Schema(description = "For a REQUEST_FOR_INFORMATION: when it must be answered (in the future).", example = "2026-11-28T00:00:00Z")
        OffsetDateTime dueAt,
        @Schema(description = "For a RESPONSE: the id of the request it answers.", example = "2f4e6a8c-1b3d-4f5a-9c7e-0d2b4f6a8c1e") UUID answers) {
}
