package org.borderwatch.federation.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.borderwatch.federation.service.FederationDeliveries;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "FederationStatus", description = "How the exchange with a partner installation stands: polling its collection, and what it has "
        + "not yet receipted of this installation's.", example = "{\"partnerId\":\"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\",\"installation\":"
        + "\"borderwatch.cn-gx\",\"lastPollAt\":\"2026-12-04T10:00:00Z\",\"failures\":0,\"refused\":0,\"outstanding\":2,\"overdueRecalls\":0,"
        + "\"witnessedCheckpoint\":12,\"cosignedCheckpoint\":12,\"contradictions\":0}")
public record FederationStatusView(
        @Schema(description = "Partner id.", example = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d") UUID partnerId,
        @Schema(description = "Partner installation.", example = "borderwatch.cn-gx") String installation,
        @Schema(description = "When its collection was last read in full; absent before the first poll.", example = "2026-12-04T10:00:00Z") Instant lastPollAt,
        @Schema(description = "When it is polled next.", example = "2026-12-04T10:00:10Z") Instant nextPollAt,
        @Schema(description = "Polls failed in a row (partner unreachable, or an object refused).", example = "0") int failures,
        @Schema(description = "Why the last poll failed; absent when it did not.", example = "borderwatch.cn-gx answered 503") String lastError,
        @Schema(description = "Objects from the partner refused so far.", example = "0") long refused,
        @Schema(description = "Objects published to the partner that it has not receipted yet.", example = "2") long outstanding,
        @Schema(description = "Recalls the partner has not receipted within the agreed deadline: to be followed up.", example = "0") long overdueRecalls,
        @Schema(description = "The newest of the partner's access-log checkpoints witnessed here (0: none yet).", example = "12") long witnessedCheckpoint,
        @Schema(description = "The newest of this installation's checkpoints the partner cosigned (0: none yet).", example = "12") long cosignedCheckpoint,
        @Schema(description = "Checkpoints of this installation the partner refused as contradicting what it witnessed: each one means the "
                + "access log was rewritten or forked, and is in the access log as FEDERATION_CONTRADICTION.", example = "0") long contradictions) {

    public static FederationStatusView of(FederationDeliveries.Status status) {
        var poll = status.poll();
        return new FederationStatusView(status.partner().id, status.partner().installation, poll == null ? null : poll.lastSuccessAt(),
                poll == null ? null : poll.nextPollAt(), poll == null ? 0 : poll.failures(), poll == null ? null : poll.lastError(),
                poll == null ? 0 : poll.refused(), status.outstanding(), status.overdueRecalls(), status.witnessing()[0], status.witnessing()[1],
                status.witnessing()[2]);
    }
}
