package org.borderwatch.federation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.web.ETags;
import org.borderwatch.common.web.Params;
import org.borderwatch.federation.FederationPartner;
import org.borderwatch.federation.service.FederationPartners;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/federation/partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@Tag(name = "Federation", description = "Partner installations this one trusts (configured, never discovered).")
public class FederationPartnerResource {

    private final CallerResolver callers;
    private final FederationPartners partners;
    private final PageLimit pageLimit;
    private final org.borderwatch.federation.service.FederationDeliveries deliveries;

    public FederationPartnerResource(CallerResolver callers, FederationPartners partners, PageLimit pageLimit,
                                     org.borderwatch.federation.service.FederationDeliveries deliveries) {
        this.callers = callers;
        this.partners = partners;
        this.pageLimit = pageLimit;
        this.deliveries = deliveries;
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putFederationPartner", summary = "Configure or change a partner installation",
            description = "An admin of every agency whose agreements the partner carries, or the platform operator; anyone else 403. Pins the "
                    + "certificate the partner presents (SHA-256), records the key set that verifies what it signs, the local agreements whose "
                    + "releases travel to it and the recall receipt deadline. Creates under the given id (201) or, with If-Match, changes (200). "
                    + "Recorded in the access log.")
    @APIResponse(responseCode = "200", description = "The partner after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FederationPartnerView.class)))
    @APIResponse(responseCode = "201", description = "The new partner.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FederationPartnerView.class)))
    public Uni<Response> put(
            @Parameter(description = "Partner id, chosen by the admin.", example = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d") @PathParam("id") String id,
            @Parameter(description = "ETag of the version being changed; required when the partner exists.", example = "\"0\"")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FederationPartnerRequest request) {
        UUID partnerId = Params.uuid("id", id);
        Integer expected = ETags.optionalVersion(ifMatch);
        return callers.current().chain(caller -> partners.put(caller, partnerId, expected, request))
                .map(put -> view(put.created() ? Response.status(Response.Status.CREATED) : Response.ok(), put.partner()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "readFederationPartner", summary = "Read a partner installation", description = "For admins and the platform operator. Recorded.")
    @APIResponse(responseCode = "200", description = "The partner.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FederationPartnerView.class)))
    public Uni<Response> read(
            @Parameter(description = "Partner id.", example = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d") @PathParam("id") String id) {
        UUID partnerId = Params.uuid("id", id);
        return callers.current().chain(caller -> partners.read(caller, partnerId)).map(partner -> view(Response.ok(), partner));
    }

    @GET
    @Path("{id}/status")
    @Operation(operationId = "readFederationStatus", summary = "How the exchange with a partner installation stands",
            description = "For admins and the platform operator (recorded as reading the partner): the last poll of its collection, failures in a "
                    + "row and why, objects refused, objects it has not receipted, and recalls not receipted within the agreed deadline.")
    @APIResponse(responseCode = "200", description = "The status.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FederationStatusView.class)))
    public Uni<FederationStatusView> status(
            @Parameter(description = "Partner id.", example = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d") @PathParam("id") String id) {
        UUID partnerId = Params.uuid("id", id);
        return callers.current().chain(caller -> deliveries.status(caller, partnerId)).map(FederationStatusView::of);
    }

    @GET
    @Operation(operationId = "listFederationPartners", summary = "List partner installations", description = "In id order; for admins and the platform operator. Recorded.")
    @APIResponse(responseCode = "200", description = "A page of partners.")
    public Uni<FederationPartnerView.Page> list(
            @Parameter(description = "Cursor from the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        int size = pageLimit.resolve(Params.integer("limit", limit));
        String after = Params.text("cursor", cursor, 512);
        return callers.current().chain(caller -> partners.list(caller, after, size))
                .map(page -> new FederationPartnerView.Page(page.items().stream()
                        .map(p -> FederationPartnerView.of(p, partners.keyIds(p))).toList(), page.nextCursor()));
    }

    private Response view(Response.ResponseBuilder response, FederationPartner partner) {
        return response.entity(FederationPartnerView.of(partner, partners.keyIds(partner))).header(HttpHeaders.ETAG, ETags.of(partner.version)).build();
    }
}
