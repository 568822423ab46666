package org.borderwatch.federation.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "Delivery", description = "One object version published to a partner installation about a share, and its receipt.",
        example = "{\"partnerId\":\"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\",\"object\":\"report--9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f\","
                + "\"type\":\"report\",\"version\":\"2026-12-04T10:00:00Z\",\"publishedAt\":\"2026-12-04T10:00:01Z\",\"receiptedAt\":\"2026-12-04T10:00:05Z\","
                + "\"overdue\":false}")
public record DeliveryView(
        @Schema(description = "Partner id.", example = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d") UUID partnerId,
        @Schema(description = "STIX id.", example = "report--9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") String object,
        @Schema(description = "STIX type: report (a release, or with revoked a recall), note (a message).", example = "report") String type,
        @Schema(description = "The object's version (its STIX modified).", example = "2026-12-04T10:00:00Z") String version,
        @Schema(description = "When it was added to the partner's collection.", example = "2026-12-04T10:00:01Z") Instant publishedAt,
        @Schema(description = "When the partner applied it, by its signed receipt; absent while outstanding.", example = "2026-12-04T10:00:05Z") Instant receiptedAt,
        @Schema(description = "A recall not receipted within the agreed deadline.", example = "false") boolean overdue) {

    @RegisterForReflection
    @Schema(name = "DeliveryList", description = "What was published about a share to partner installations, oldest first.",
            example = "{\"items\":[]}")
    public record Deliveries(@Schema(description = "The deliveries.") List<DeliveryView> items) {
    }
}
