package org.borderwatch.sharing;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something happened to a share: what the live inbox streams. Carries no content; read the share for that. */
@RegisterForReflection
@Schema(name = "ShareEvent", description = "A change to a share, as streamed to the inbox. No content: read the share for it.",
        example = "{\"seq\":42,\"shareId\":\"9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f\",\"fromAgency\":\"VN-QN\",\"toAgency\":\"CN-GX\","
                + "\"kind\":\"SHARED\",\"occurredAt\":\"2026-11-21T02:00:00Z\"}")
public record ShareEvent(
        @Schema(description = "Position in the event log; the SSE id to resume after.", example = "42") long seq,
        @Schema(description = "The share.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") UUID shareId,
        @Schema(description = "Releasing agency.", example = "VN-QN") String fromAgency,
        @Schema(description = "Receiving agency.", example = "CN-GX") String toAgency,
        @Schema(description = "SHARED, UPDATED, REVOKED, EXPIRED, MESSAGE or ACKNOWLEDGED.", example = "SHARED") String kind,
        @Schema(description = "When it happened.", example = "2026-11-21T02:00:00Z") OffsetDateTime occurredAt) {

    /** Whether a liaison of this agency hears of it: everything shared to the agency, and the replies on what it shared. */
    public boolean concerns(String agency) {
        return toAgency.equals(agency) || fromAgency.equals(agency) && ("MESSAGE".equals(kind) || "ACKNOWLEDGED".equals(kind));
    }
}
