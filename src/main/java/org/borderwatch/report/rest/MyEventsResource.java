package org.borderwatch.report.rest;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.Completing;
import org.borderwatch.common.FreshContext;
import org.borderwatch.common.web.Params;
import org.borderwatch.report.ReportEvent;
import org.borderwatch.report.service.ReportEvents;
import org.borderwatch.report.service.ReportService;
import org.borderwatch.security.Caller;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/events")
@Tag(name = "Reports")
public class MyEventsResource {

    private final CallerResolver callers;
    private final ReportService reports;
    private final ReportEvents events;
    private final FreshContext fresh;

    public MyEventsResource(CallerResolver callers, ReportService reports, ReportEvents events, FreshContext fresh) {
        this.callers = callers;
        this.reports = reports;
        this.events = events;
        this.fresh = fresh;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "streamMyEvents", summary = "Live decisions on my reports",
            description = "Server-Sent Events: each decision or question on one of the caller's reports as it happens, named by its kind "
                    + "(VERIFIED, REJECTED, INFO_REQUESTED), with an id; reconnect with Last-Event-ID to receive what was missed. The stream ends when the token that opened it expires. "
                    + "The changes feed stays the source of truth for apps that were offline.")
    @APIResponse(responseCode = "200", description = "The event stream; each event's data is a ReportEvent.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ReportEvent.class)))
    public Multi<OutboundSseEvent> events(
            @Parameter(description = "Id of the last event received, to resume after it.") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        UUID resumeAfter = lastEventId == null || lastEventId.isBlank() ? null : Params.uuid("Last-Event-ID", lastEventId);
        return Multi.createFrom().uni(Completing.evenIfCancelled(callers.streaming().call(opened -> reports.recordSubscription(opened.caller()))))
                .onItem().transformToMultiAndConcatenate(opened -> Multi.createBy().merging()
                        .streams(missed(opened.caller(), resumeAfter), live(opened.caller()))
                        .select().distinct()
                        .select().first(opened.tokenLeft()))
                .map(event -> sse.newEventBuilder().name(event.kind().name()).id(event.id().toString())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ReportEvent.class, event).build());
    }

    private Multi<ReportEvent> live(Caller caller) {
        return events.live().filter(signal -> caller.subject().equals(signal.reporter()))
                .onItem().transformToUniAndConcatenate(signal -> fresh.run(() -> reports.event(caller, signal.id())))
                .filter(java.util.Objects::nonNull);
    }

    private Multi<ReportEvent> missed(Caller caller, UUID resumeAfter) {
        if (resumeAfter == null) {
            return Multi.createFrom().empty();
        }
        return Multi.createFrom().uni(reports.eventsAfter(caller, resumeAfter)).onItem().transformToIterable(List::copyOf);
    }
}
