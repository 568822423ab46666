package org.borderwatch.sharing.rest;

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
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.borderwatch.sharing.Agreement;
import org.borderwatch.sharing.service.AgreementService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies and agreements")
public class AgreementResource {

    private final CallerResolver callers;
    private final AgreementService agreements;
    private final PageLimit pageLimit;

    public AgreementResource(CallerResolver callers, AgreementService agreements, PageLimit pageLimit) {
        this.callers = callers;
        this.agreements = agreements;
        this.pageLimit = pageLimit;
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(operationId = "putAgreement", summary = "Record or change a sharing agreement", description = "An admin of the releasing agency (from), or the platform operator; anyone else 403. Creates the agreement under the given id (201) "
            + "or, with If-Match, changes it (200). Both agencies must be known. Audited for both parties.")
    @APIResponse(responseCode = "200", description = "The agreement after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "201", description = "The new agreement.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    public Uni<Response> put(
            @Parameter(description = "Agreement id, chosen by the admin.", example = "5a3e9c1d-2b4f-4d6e-8a1c-3f5e7d9b1a2c") @PathParam("id") String id,
            @Parameter(description = "ETag of the version being changed; required when the agreement exists.", example = "\"0\"")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AgreementRequest request) {
        UUID agreementId = Params.uuid("id", id);
        Integer expected = ETags.optionalVersion(ifMatch);
        return callers.current().chain(caller -> agreements.put(caller, agreementId, expected, request))
                .map(put -> view(put.created() ? Response.status(Response.Status.CREATED) : Response.ok(), put.value()));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.SUPERVISOR, Roles.LIAISON})
    @Operation(operationId = "listAgreements", summary = "List agreements", description = "Admins and the operator see every agreement; supervisors and liaisons those their agency is party to.")
    @APIResponse(responseCode = "200", description = "A page of agreements.")
    public Uni<AgreementView.Page> list(
            @Parameter(description = "Cursor from the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        int size = pageLimit.resolve(Params.integer("limit", limit));
        String after = Params.text("cursor", cursor, 512);
        return callers.current().chain(caller -> agreements.list(caller, after, size))
                .map(page -> new AgreementView.Page(page.items().stream().map(AgreementView::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.SUPERVISOR, Roles.LIAISON})
    @Operation(operationId = "readAgreement", summary = "Read an agreement", description = "For admins and the supervisors and liaisons of either party; others get 404. Audited.")
    @APIResponse(responseCode = "200", description = "The agreement.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    public Uni<Response> read(
            @Parameter(description = "Agreement id.", example = "5a3e9c1d-2b4f-4d6e-8a1c-3f5e7d9b1a2c") @PathParam("id") String id) {
        UUID agreementId = Params.uuid("id", id);
        return callers.current().chain(caller -> agreements.read(caller, agreementId)).map(agreement -> view(Response.ok(), agreement));
    }

    private static Response view(Response.ResponseBuilder response, Agreement agreement) {
        return response.entity(AgreementView.of(agreement)).header(HttpHeaders.ETAG, ETags.of(agreement.version)).build();
    }
}
