package org.borderwatch.federation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.UUID;
import org.borderwatch.common.web.Params;
import org.borderwatch.federation.service.FederationDeliveries;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases/{id}/shares/{shareId}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.LIAISON})
@Tag(name = "Federation")
public class FederationDeliveryResource {

    private final CallerResolver callers;
    private final FederationDeliveries deliveries;
    private final Clock clock;

    public FederationDeliveryResource(CallerResolver callers, FederationDeliveries deliveries, Clock clock) {
        this.callers = callers;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "listShareDeliveries", summary = "What reached the partner installations",
            description = "For the owner agency's supervisors and liaisons, as reading the share (recorded): every object version published about the "
                    + "share to a federated partner (its releases, messages and recall), when, and when the partner's signed receipt came; a recall "
                    + "not receipted within the agreed deadline is flagged overdue. Empty for a share no partner installation carries.")
    @APIResponse(responseCode = "200", description = "The deliveries, oldest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.Deliveries.class)))
    public Uni<DeliveryView.Deliveries> list(
            @Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String caseId,
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId) {
        UUID caseUuid = Params.uuid("id", caseId);
        UUID shareUuid = Params.uuid("shareId", shareId);
        return callers.current().chain(caller -> deliveries.ofShare(caller, caseUuid, shareUuid)).map(list -> new DeliveryView.Deliveries(
                list.stream().map(d -> new DeliveryView(d.partnerId(), d.stixId(), d.type(), d.modified(), d.dateAdded(), d.receiptedAt(),
                        d.overdue(clock.instant()))).toList()));
    }
}
