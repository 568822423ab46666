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
        @Schema(description = "Actors with more reads than the threshold in one hour, most first.") List<Actor> heavyReaders,
        @Schema(description = "Refusals of callers without a valid token, per client address and minute, newest first (at most 200); "
                + "they belong to no agency, so every auditor sees them.") List<UnauthenticatedRefusals> unauthenticatedRefusals) {

    @RegisterForReflection
    @Schema(name = "AuditUnauthenticatedRefusals", description = "Refusals of one client address within one minute: the first is in the log in full, the rest are counted.",
            example = "{\"clientAddress\":\"203.0.113.7\",\"minute\":\"2026-11-22T07:40:00Z\",\"refusals\":2000,"
                    + "\"firstEventId\":\"6a3c1f3e-2b1d-4d0b-8f1e-1f0c2b3a4d5e\",\"requestId\":\"c0ffee00-1234-4bb5-9d0c-9a7f3f2d8a51\","
                    + "\"userAgent\":\"curl/8.5.0\",\"reason\":\"missing, invalid or expired bearer token\"}")
    public record UnauthenticatedRefusals(
            @Schema(description = "Client address.", example = "203.0.113.7") String clientAddress,
            @Schema(description = "The minute.", example = "2026-11-22T07:40:00Z") Instant minute,
            @Schema(description = "Refusals in that minute, the first included.", example = "2000") long refusals,
            @Schema(description = "The access-log event of the first refusal.", example = "6a3c1f3e-2b1d-4d0b-8f1e-1f0c2b3a4d5e") java.util.UUID firstEventId,
            @Schema(description = "Request id of the first refusal.", example = "c0ffee00-1234-4bb5-9d0c-9a7f3f2d8a51") String requestId,
            @Schema(description = "User-Agent of the first refusal.", example = "curl/8.5.0") String userAgent,
            @Schema(description = "Why the first was refused.", example = "missing, invalid or expired bearer token") String reason) {

        public static UnauthenticatedRefusals of(Object[] row) {
            return new UnauthenticatedRefusals((String) row[0], Actor.instant(row[1]), ((Number) row[2]).longValue(), (java.util.UUID) row[3],
                    (String) row[4], (String) row[5], (String) row[6]);
        }
    }

    @RegisterForReflection
    @Schema(name = "AuditSignalActor", description = "An actor and how many events made them stand out.",
            example = "{\"subject\":\"be6a6ad6-9084-4753-aad7-faf46164032b\",\"agency\":\"VN-LS\",\"count\":12,\"lastAt\":\"2026-11-22T07:40:00Z\"}")
    public record Actor(
            @Schema(description = "Token subject.", example = "be6a6ad6-9084-4753-aad7-faf46164032b") String subject,
            @Schema(description = "Agency.", example = "VN-LS") String agency,
            @Schema(description = "Refusals, or reads in the hour.", example = "12") long count,
            @Schema(description = "Last refusal, or the hour of the reads.", example = "2026-11-22T07:40:00Z") Instant lastAt) {

        public static Actor of(Object[] row) {
            return new Actor((String) row[0], (String) row[1], ((Number) row[2]).longValue(), instant(row[3]));
        }

        static Instant instant(Object time) {
            return time instanceof Instant instant ? instant
                    : time instanceof java.time.OffsetDateTime offset ? offset.toInstant()
                    : time instanceof java.time.LocalDateTime local ? local.toInstant(java.time.ZoneOffset.UTC) : null;
        }
    }
}
