package org.borderwatch.sharing.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.borderwatch.common.problem.Conflicts;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.web.ETags;
import org.borderwatch.common.web.Params;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.borderwatch.sharing.service.ShareDetail;
import org.borderwatch.sharing.service.ShareService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases/{id}/shares")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.LIAISON})
@Tag(name = "Shares", description = "Releasing a case to a partner agency under an agreement, a handling code and a redaction profile.")
public class CaseShareResource {

    private final CallerResolver callers;
    private final ShareService shares;
    private final ShareViews views;

    public CaseShareResource(CallerResolver callers, ShareService shares, ShareViews views) {
        this.callers = callers;
        this.shares = shares;
        this.views = views;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "releaseCase", summary = "Release a case to a partner agency", description = "Supervisors and liaisons of the owning agency. Allowed only "
            + "while an agreement covers the pair, every category of the case, the handling code and today (403 naming the rule otherwise). "
            + "The server applies the redaction and stores the released snapshot. H2/H3 releases, and releases of exact location, "
            + "identifiers or sources, stay PENDING_APPROVAL until a second supervisor approves. Send Idempotency-Key (a UUID) to make "
            + "retries safe: a retry answers 200 with the share made the first time.")
    @APIResponse(responseCode = "201", description = "The share, with its first snapshot.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the share this Idempotency-Key made.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    public Uni<Response> release(
            @Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id,
            @Parameter(description = "A UUID chosen by the client; the same key on a retry returns the same share.",
                    example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull ShareRequest request) {
        UUID caseId = Params.uuid("id", id);
        UUID shareId = idempotencyKey == null ? UUID.randomUUID() : Params.uuid("Idempotency-Key", idempotencyKey);
        // two simultaneous releases under one key: the one that lost the race finds the share the other made, as a retry
        return callers.current().chain(caller -> shares.release(caller, caseId, shareId, request)
                        .onFailure(failure -> idempotencyKey != null && Conflicts.isLostRace(failure))
                        .recoverWithUni(() -> shares.release(caller, caseId, shareId, request)))
                .map(released -> owner(released.created()
                        ? Response.created(URI.create("/api/v1/cases/" + caseId + "/shares/" + released.detail().share().id))
                        : Response.ok(), released.detail()));
    }

    @GET
    @Operation(operationId = "listCaseShares", summary = "List a case's shares", description = "Every release of the case, newest first, with status and open requests.")
    @APIResponse(responseCode = "200", description = "The shares.")
    public Uni<ShareView.Page> list(@Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id) {
        UUID caseId = Params.uuid("id", id);
        return callers.current().chain(caller -> shares.ofCase(caller, caseId))
                .map(list -> new ShareView.Page(list.stream().map(views::forOwner).toList(), null));
    }

    @GET
    @Path("{shareId}")
    @Operation(operationId = "readCaseShare", summary = "Read a share", description = "The share with every snapshot released under it: exactly what the partner was given.")
    @APIResponse(responseCode = "200", description = "The share.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    public Uni<Response> read(
            @Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id,
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId) {
        UUID caseId = Params.uuid("id", id);
        UUID share = Params.uuid("shareId", shareId);
        return callers.current().chain(caller -> shares.read(caller, caseId, share)).map(detail -> owner(Response.ok(), detail));
    }

    @POST
    @Path("{shareId}/approve")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "approveShare", summary = "Approve a release (four-eyes)", description = "A supervisor of the owning agency other than the requester; "
            + "the agreement is checked again. The partner sees the share from now on.")
    @APIResponse(responseCode = "200", description = "The share, now ACTIVE.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    public Uni<Response> approve(
            @Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id,
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId) {
        UUID caseId = Params.uuid("id", id);
        UUID share = Params.uuid("shareId", shareId);
        return callers.current().chain(caller -> shares.approve(caller, caseId, share)).map(detail -> owner(Response.ok(), detail));
    }

    @POST
    @Path("{shareId}/snapshots")
    @Operation(operationId = "publishSnapshot", summary = "Publish an updated snapshot", description = "Releases the case as it is now, under the share's profile, as a new "
            + "version; the partner keeps and sees the earlier versions too. Only for an ACTIVE share.")
    @APIResponse(responseCode = "200", description = "The share with all its snapshots.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    public Uni<Response> publish(
            @Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id,
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId) {
        UUID caseId = Params.uuid("id", id);
        UUID share = Params.uuid("shareId", shareId);
        return callers.current().chain(caller -> shares.publish(caller, caseId, share)).map(detail -> owner(Response.ok(), detail));
    }

    @DELETE
    @Path("{shareId}")
    @Operation(operationId = "revokeShare", summary = "Revoke a share", description = "Cuts the partner's access at once; the partner sees REVOKED with the reason and "
            + "no content. The owner keeps the record.")
    @APIResponse(responseCode = "200", description = "The share, now REVOKED.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    public Uni<Response> revoke(
            @Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id,
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId,
            @Parameter(description = "Why access is cut (shown to the partner).", example = "Operation compromised") @QueryParam("reason") String reason) {
        UUID caseId = Params.uuid("id", id);
        UUID share = Params.uuid("shareId", shareId);
        String why = Params.text("reason", reason, 500);
        if (why == null) {
            throw ProblemException.invalid("reason", "is required: say why access is cut");
        }
        return callers.current().chain(caller -> shares.revoke(caller, caseId, share, why)).map(detail -> owner(Response.ok(), detail));
    }

    private Response owner(Response.ResponseBuilder response, ShareDetail detail) {
        return response.entity(views.forOwner(detail)).header(HttpHeaders.ETAG, ETags.of(detail.share().version)).build();
    }
}
