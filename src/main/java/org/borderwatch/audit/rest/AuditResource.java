package org.borderwatch.audit.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditEventFilter;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.Outcome;
import org.borderwatch.audit.service.AuditQueryService;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.web.Params;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The access log, for auditors.")
public class AuditResource {

    private static final java.util.List<String> RESOURCE_TYPES = java.util.List.of("REPORT", "CASE", "AUDIT_LOG", "REPORT_EVENTS");

    private final CallerResolver callers;
    private final AuditQueryService audit;
    private final PageLimit pageLimit;
    private final long readsPerHour;

    public AuditResource(CallerResolver callers, AuditQueryService audit, PageLimit pageLimit,
                         @org.eclipse.microprofile.config.inject.ConfigProperty(name = "borderwatch.audit.reads-per-hour-threshold") long readsPerHour) {
        this.readsPerHour = readsPerHour;
        this.callers = callers;
        this.audit = audit;
        this.pageLimit = pageLimit;
    }

    @GET
    @Path("resources/{type}/{id}/access")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "readResourceAccess", summary = "Who accessed this",
            description = "One line per access to one resource (report, case, ...): who, for which agency, when, what, for what stated purpose "
                    + "(X-Access-Purpose) and with what outcome, newest first.")
    @APIResponse(responseCode = "200", description = "A page of accesses.")
    public Uni<AccessLine.Page> access(
            @Parameter(description = "REPORT, CASE, AUDIT_LOG or REPORT_EVENTS.", example = "REPORT") @PathParam("type") String type,
            @Parameter(description = "Resource id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @PathParam("id") String id,
            @Parameter(description = "Cursor from the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        if (!RESOURCE_TYPES.contains(type)) {
            throw ProblemException.invalid("type", "must be one of " + String.join(", ", RESOURCE_TYPES));
        }
        String resourceId = Params.text("id", id, 255);
        int size = pageLimit.resolve(Params.integer("limit", limit));
        String after = Params.text("cursor", cursor, 512);
        return callers.current()
                .chain(caller -> audit.accessTo(caller, type, resourceId, after, size))
                .map(page -> new AccessLine.Page(page.items().stream().map(AccessLine::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("signals")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "readAccessSignals", summary = "Signals", description = "Actors with refused attempts, and actors whose reads within one hour exceed the configured "
            + "threshold, in [from, to) (default: the last 24 hours), for the auditor's agency.")
    @APIResponse(responseCode = "200", description = "The signals.")
    public Uni<SignalsView> signals(
            @Parameter(description = "Start (RFC 3339).", example = "2026-11-21T08:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End (RFC 3339).", example = "2026-11-22T08:00:00Z") @QueryParam("to") String to) {
        java.time.Instant end = to == null || to.isBlank() ? java.time.Instant.now() : Params.instant("to", to);
        java.time.Instant start = from == null || from.isBlank() ? end.minus(java.time.Duration.ofHours(24)) : Params.instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        return callers.current()
                .chain(caller -> audit.signals(caller, start, end, readsPerHour))
                .map(signals -> new SignalsView(start, end, readsPerHour,
                        signals.deniedActors().stream().map(SignalsView.Actor::of).toList(),
                        signals.heavyReaders().stream().map(SignalsView.Actor::of).toList(),
                        signals.unauthenticated().stream().map(SignalsView.UnauthenticatedRefusals::of).toList()));
    }

    @GET
    @Path("events")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "searchAccessLog", summary = "Search the access log",
            description = "Events done by the auditor's agency or about its resources, newest first. Reading the log is itself logged.")
    @APIResponse(responseCode = "200", description = "A page of events.")
    public Uni<AuditEventView.Page> events(
            @Parameter(description = "Token subject of the actor.", example = "be6a6ad6-9084-4753-aad7-faf46164032b") @QueryParam("actor") String actor,
            @Parameter(description = "Agency of the actor.", example = "VN-QN") @QueryParam("agency") String agency,
            @Parameter(description = "Action.", example = "REPORT_READ") @QueryParam("action") String action,
            @Parameter(description = "Resource type.", example = "REPORT") @QueryParam("resourceType") String resourceType,
            @Parameter(description = "Resource id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @QueryParam("resourceId") String resourceId,
            @Parameter(description = "Outcome.", example = "DENIED") @QueryParam("outcome") String outcome,
            @Parameter(description = "At or after this time (RFC 3339).", example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "Before this time (RFC 3339).", example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
            @Parameter(description = "Cursor from the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        AuditEventFilter filter = new AuditEventFilter(Params.subject("actor", actor), Params.agency("agency", agency),
                Params.enumValue("action", action, AuditAction.class), Params.oneOf("resourceType", resourceType, AuditedResource.TYPES),
                resourceId(resourceId), Params.enumValue("outcome", outcome, Outcome.class),
                Params.instant("from", from), Params.instant("to", to));
        int size = pageLimit.resolve(Params.integer("limit", limit));
        String after = Params.text("cursor", cursor, 512);
        return callers.current()
                .chain(caller -> audit.search(caller, filter, after, size))
                .map(page -> new AuditEventView.Page(page.items().stream().map(AuditEventView::of).toList(), page.nextCursor()));
    }

    private static final java.util.List<String> LOG_PARTS = java.util.List.of("chain", "export", "signals");

    /** Resources are named by UUID, agencies by their code, the log's own parts by name. */
    public static String resourceId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (Params.AGENCY.matcher(value).matches() || LOG_PARTS.contains(value)) {
            return value;
        }
        try {
            return Params.uuid("resourceId", value).toString();
        } catch (ProblemException e) {
            throw ProblemException.invalid("resourceId", "must be a UUID, an agency code or one of " + String.join(", ", LOG_PARTS));
        }
    }
}
