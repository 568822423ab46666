package org.borderwatch.sharing.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.web.Params;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.borderwatch.sharing.service.ThreadService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/shares/{shareId}/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.LIAISON})
@Tag(name = "Inbox")
public class ThreadResource {

    private final CallerResolver callers;
    private final ThreadService threads;
    private final PageLimit pageLimit;

    public ThreadResource(CallerResolver callers, ThreadService threads, PageLimit pageLimit) {
        this.callers = callers;
        this.threads = threads;
        this.pageLimit = pageLimit;
    }

    @GET
    @Operation(operationId = "readThread", summary = "Read a share's thread", description = "Oldest first, a page at a time. For the owner's supervisors and liaisons and the recipient's liaisons; "
            + "requests show whether they are answered or overdue. The recipient gets 410 once the share is revoked or expired.")
    @APIResponse(responseCode = "200", description = "The messages, oldest first.")
    public Uni<MessageView.Thread> read(
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId,
            @Parameter(description = "Cursor from the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        UUID id = Params.uuid("shareId", shareId);
        int size = pageLimit.resolve(Params.integer("limit", limit));
        String after = Params.text("cursor", cursor, 512);
        return callers.current().chain(caller -> threads.read(caller, id, after, size)).map(page -> new MessageView.Thread(page.messages()
                .stream().map(m -> MessageView.of(m, page.answered().contains(m.id), page.overdue(m))).toList(), page.nextCursor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postMessage", summary = "Write in a share's thread", description = "A COMMENT, a REQUEST_FOR_INFORMATION with a due date, or a RESPONSE "
            + "answering a request of the same thread. Not on a revoked or expired share.")
    @APIResponse(responseCode = "201", description = "The message.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)))
    public Uni<Response> post(
            @Parameter(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") @PathParam("shareId") String shareId,
            @Valid @NotNull MessageRequest request) {
        UUID id = Params.uuid("shareId", shareId);
        return callers.current().chain(caller -> threads.post(caller, id, request))
                .map(message -> Response.status(Response.Status.CREATED).entity(MessageView.of(message, false, false)).build());
    }
}
