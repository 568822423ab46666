package org.borderwatch.sharing.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.Completing;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.web.ETags;
import org.borderwatch.common.web.Params;
import org.borderwatch.common.web.Purposes;
import org.borderwatch.report.Category;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.ShareEvent;
import org.borderwatch.sharing.ShareStatus;
import org.borderwatch.sharing.repository.ShareRepository;
import org.borderwatch.sharing.service.InboxService;
import org.borderwatch.sharing.service.ShareEvents;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LIAISON)
@Tag(name = "Inbox", description = "Cases shared to the liaison's agency.")
public class InboxResource {

    private static final String JOSE = "application/jose";

    private final CallerResolver callers;
    private final InboxService inbox;
    private final ShareEvents events;
    private final ShareViews views;
    private final PageLimit pageLimit;

    public InboxResource(CallerResolver callers, InboxService inbox, ShareEvents events, ShareViews views, PageLimit pageLimit) {
        this.callers = callers;
        this.inbox = inbox;
        this.events = events;
        this.views = views;
        this.pageLimit = pageLimit;
    }

    @GET
    @Operation(operationId = "listInbox", summary = "List the inbox", description = "Shares released to the caller's agency, newest first: status, handling code, "
            + "categories and open or overdue requests, without content.")
    @APIResponse(responseCode = "200", description = "A page of shares.")
    public Uni<ShareView.Page> list(
            @Parameter(description = "ACTIVE, REVOKED or EXPIRED.", example = "ACTIVE") @QueryParam("status") String status,
            @Parameter(description = "Only shares of cases with this category.", example = "DRUGS") @QueryParam("category") String category,
            @Parameter(description = "Only shares with this handling code.", example = "H1") @QueryParam("handlingCode") String handlingCode,
            @Parameter(description = "true: only shares with a request for information past its due date.", example = "true")
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Cursor from the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        ShareStatus wanted = Params.enumValue("status", status, ShareStatus.class);
        if (wanted == ShareStatus.PENDING_APPROVAL) {
            throw ProblemException.invalid("status", "must be one of ACTIVE, REVOKED, EXPIRED");
        }
        Category wantedCategory = Params.enumValue("category", category, Category.class);
        ShareRepository.InboxFilter filter = new ShareRepository.InboxFilter(wanted, wantedCategory == null ? null : wantedCategory.name(),
                Params.enumValue("handlingCode", handlingCode, HandlingCode.class), Params.flag("overdue", overdue));
        int size = pageLimit.resolve(Params.integer("limit", limit));
        String after = Params.text("cursor", cursor, 512);
        return callers.current().chain(caller -> inbox.list(caller, filter, after, size))
                .map(page -> new ShareView.Page(page.items().stream().map(views::forRecipient).toList(), page.nextCursor()));
    }

    @GET
    @Path("{shareId}")
    @Operation(operationId = "readSharedCase", summary = "Read a shared case", description = "The share and every snapshot released under it while it is ACTIVE; once "
            + "revoked or expired, only its status and the reason. Requires X-Access-Purpose (428 without it), recorded in the access log.")
    @APIResponse(responseCode = "200", description = "The share.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    public Uni<Response> read(
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId,
            @Parameter(description = "Why the case is read (at least 10 characters).", example = "Planning the joint patrol of 2026-11-25")
            @HeaderParam(Purposes.HEADER) String purpose) {
        UUID id = Params.uuid("shareId", shareId);
        Purposes.require(purpose, "a shared case is read");
        return callers.current().chain(caller -> inbox.read(caller, id))
                .map(detail -> Response.ok(views.forRecipient(detail)).header(HttpHeaders.ETAG, ETags.of(detail.share().version)).build());
    }

    @GET
    @Path("{shareId}/snapshots/{version}/signed")
    @Produces({JOSE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "readSignedSnapshot", summary = "Signed copy of a snapshot", description = "The released snapshot as a compact JWS (RS256) signed by the service; "
            + "verify it with the keys at /.well-known/jwks.json (kid in the header). Requires X-Access-Purpose. 410 once the share ended.")
    @APIResponse(responseCode = "200", description = "The compact JWS.", content = @Content(mediaType = JOSE,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, description = "A compact JWS.",
                    example = "eyJraWQiOiJib3JkZXJ3YXRjaC1hdWRpdC0xIiwiYWxnIjoiUlMyNTYifQ.eyJ...")))
    public Uni<Response> signed(
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId,
            @Parameter(description = "Snapshot version.", example = "1") @PathParam("version") String version,
            @Parameter(description = "Why the copy is fetched (at least 10 characters).", example = "Evidence file for case GX-2026-118")
            @HeaderParam(Purposes.HEADER) String purpose) {
        UUID id = Params.uuid("shareId", shareId);
        Integer number = Params.integer("version", version);
        Purposes.require(purpose, "a signed copy is fetched");
        return callers.current().chain(caller -> inbox.signedCopy(caller, id, number))
                .map(jws -> Response.ok(jws, JOSE).build());
    }

    @POST
    @Path("{shareId}/acknowledge")
    @Operation(operationId = "acknowledgeShare", summary = "Acknowledge a share", description = "Tells the owner the share was received. Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "The share.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    public Uni<ShareView> acknowledge(
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId) {
        UUID id = Params.uuid("shareId", shareId);
        return callers.current().chain(caller -> inbox.acknowledge(caller, id)).map(views::forRecipient);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamInbox", summary = "Live inbox", description = "Server-Sent Events for shares to the caller's agency (SHARED, UPDATED, REVOKED, EXPIRED, "
            + "MESSAGE) and replies on shares it made (MESSAGE, ACKNOWLEDGED), from every replica. Each event's id is its position; "
            + "reconnect with Last-Event-ID to receive what was missed. The stream ends when the token that opened it expires; "
            + "reconnect with a fresh token.")
    @APIResponse(responseCode = "200", description = "The event stream; each event's data is a ShareEvent.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ShareEvent.class)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "Id of the last event received, to resume after it.", example = "42") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        Integer after = lastEventId == null || lastEventId.isBlank() ? null : Params.integer("Last-Event-ID", lastEventId);
        return Multi.createFrom().uni(callers.streaming())
                .onItem().transformToMultiAndConcatenate(opened -> events.stream(opened, after == null ? null : after.longValue()))
                .map(event -> sse.newEventBuilder().name(event.kind()).id(Long.toString(event.seq()))
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ShareEvent.class, event).build());
    }
}
