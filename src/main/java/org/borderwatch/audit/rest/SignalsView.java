package org.borderwatch.audit.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "AuditSignals", description = "Who an auditor should look at: actors with refused attempts, and actors who read more than the threshold within an hour.",
        example = "{\"from\":\"2026-11-21T08:00:00Z\",\"to\":\"2026-11-22T08:00:00Z\",\"readsPerHourThreshold\":500,"
                + "\"deniedActors\":[{\"subject\":\"be6a…\",\"agency\":\"VN-LS\",\"count\":12,\"lastAt\":\"2026-11-22T07:40:00Z\"}],\"heavyReaders\":[]}")
public record SignalsView(
        @Schema(description = "Start of the window.", example = "2026-11-21T08:00:00Z") Instant from,
        @Schema(description = "End of the window.", example = "2026-11-22T08:00:00Z") Instant to,
        @Schema(description = "Reads within one hour above which an actor is listed.", example = "500") long readsPerHourThreshold,
        @Schema(description = "Actors with refused attempts, most first.") List<Actor> deniedActors,
        @Schema(description = "Actors with more reads than the threshold in one hour, most first.") List<Actor> heavyReaders) {

    @RegisterForReflection
    @Schema(name = "AuditSignalActor", description = "An actor and how many events made them stand out.",
            example = "{\"subject\":\"be6a6ad6-9084-4753-aad7-faf46164032b\",\"agency\":\"VN-LS\",\"count\":12,\"lastAt\":\"2026-11-22T07:40:00Z\"}")
    public record Actor(
            @Schema(description = "Token subject.", example = "be6a6ad6-9084-4753-aad7-faf46164032b") String subject,
            @Schema(description = "Agency.", example = "VN-LS") String agency,
            @Schema(description = "Refusals, or reads in the hour.", example = "12") long count,
            @Schema(description = "Last refusal, or the hour of the reads.", example = "2026-11-22T07:40:00Z") Instant lastAt) {

        static Actor of(Object[] row) {
            Object time = row[3];
            Instant at = time instanceof Instant instant ? instant
                    : time instanceof java.time.OffsetDateTime offset ? offset.toInstant()
                    : time instanceof java.time.LocalDateTime local ? local.toInstant(java.time.ZoneOffset.UTC) : null;
            return new Actor((String) row[0], (String) row[1], ((Number) row[2]).longValue(), at);
        }
    }
}
