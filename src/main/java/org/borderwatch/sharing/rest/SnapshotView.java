package org.borderwatch.sharing.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.borderwatch.sharing.SharedCase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "ShareSnapshot", description = "One published version of the released content.",
        example = "{\"version\":1,\"publishedAt\":\"2026-11-21T02:00:00Z\",\"signed\":true,\"content\":{}}")
public record SnapshotView(
        @Schema(description = "Version, from 1.", example = "1") int version,
        @Schema(description = "When it was published.", example = "2026-11-21T02:00:00Z") Instant publishedAt,
        @Schema(description = "Whether a signed copy (compact JWS) is available.", example = "true") boolean signed,
        SharedCase content) {
}
