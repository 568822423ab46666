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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.web.Params;
import org.borderwatch.common.web.ETags;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.borderwatch.sharing.Agency;
import org.borderwatch.sharing.service.AgencyService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies and agreements", description = "Who may receive which categories from whom, under which signed document.")
public class AgencyResource {


    private final CallerResolver callers;
    private final AgencyService agencies;

    public AgencyResource(CallerResolver callers, AgencyService agencies) {
        this.callers = callers;
        this.agencies = agencies;
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(operationId = "putAgency", summary = "Add or change an agency", description = "The platform operator adds an agency; an agency's own admins (or the operator) change its names; anyone else 403. Creates the agency (201) or, with If-Match, changes its "
            + "country and names (200). Audited.")
    @APIResponse(responseCode = "200", description = "The agency after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "201", description = "The new agency.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class)))
    public Uni<Response> put(
            @Parameter(description = "Agency code: country, '-', unit.", example = "CN-GX") @PathParam("code") String code,
            @Parameter(description = "ETag of the version being changed; required when the agency exists.", example = "\"0\"")
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AgencyRequest request) {
        String checked = code(code);
        Integer expected = ETags.optionalVersion(ifMatch);
        return callers.current().chain(caller -> agencies.put(caller, checked, expected, request))
                .map(put -> view(put.created() ? Response.status(Response.Status.CREATED) : Response.ok(), put.value()));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.LIAISON, Roles.AUDITOR, Roles.ADMIN, Roles.OPERATOR})
    @Operation(operationId = "listAgencies", summary = "List the agencies", description = "Every agency this service knows, with its names in English, Vietnamese and Chinese.")
    @APIResponse(responseCode = "200", description = "The agencies, by code.")
    public Uni<AgencyView.Items> list() {
        return callers.current().chain(caller -> agencies.all()).map(all -> new AgencyView.Items(all.stream().map(AgencyView::of).toList()));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.LIAISON, Roles.AUDITOR, Roles.ADMIN, Roles.OPERATOR})
    @Operation(operationId = "readAgency", summary = "Read an agency", description = "One agency by its code.")
    @APIResponse(responseCode = "200", description = "The agency.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class)))
    public Uni<Response> read(@Parameter(description = "Agency code.", example = "CN-GX") @PathParam("code") String code) {
        String checked = code(code);
        return callers.current().chain(caller -> agencies.one(checked)).map(agency -> view(Response.ok(), agency));
    }

    private static String code(String code) {
        if (code == null || !Params.AGENCY.matcher(code).matches()) {
            throw ProblemException.invalid("code", "must be an agency code such as VN-QN (two capital letters, '-', up to 10 capitals or digits)");
        }
        return code;
    }

    private static Response view(Response.ResponseBuilder response, Agency agency) {
        return response.entity(AgencyView.of(agency)).header(HttpHeaders.ETAG, ETags.of(agency.version)).build();
    }
}
