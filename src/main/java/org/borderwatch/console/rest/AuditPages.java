package org.borderwatch.console.rest;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditEventFilter;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.Outcome;
import org.borderwatch.audit.chain.ExportLine;
import org.borderwatch.audit.rest.AuditChainResource;
import org.borderwatch.audit.rest.AuditEventView;
import org.borderwatch.audit.rest.AuditResource;
import org.borderwatch.audit.rest.SignalsView;
import org.borderwatch.audit.service.AuditExportService;
import org.borderwatch.audit.service.AuditQueryService;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.audit.service.AuditVerifier;
import org.borderwatch.common.Completing;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.web.Params;
import org.borderwatch.security.Roles;
import org.jboss.resteasy.reactive.ResponseHeader;

/** The auditor's desk: the access log with its filters (keyset pages, no totals), chain verification, the export. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUDITOR)
public class AuditPages {

    private final ConsoleSession session;
    private final AuditQueryService queries;
    private final AuditRecorder audit;
    private final AuditVerifier verifier;
    private final AuditExportService exports;
    private final PageLimit pageLimit;
    private final long readsPerHour;

    public AuditPages(ConsoleSession session, AuditQueryService queries, AuditRecorder audit, AuditVerifier verifier,
                      AuditExportService exports, PageLimit pageLimit,
                      @org.eclipse.microprofile.config.inject.ConfigProperty(name = "borderwatch.audit.reads-per-hour-threshold") long readsPerHour) {
        this.readsPerHour = readsPerHour;
        this.session = session;
        this.queries = queries;
        this.audit = audit;
        this.verifier = verifier;
        this.exports = exports;
        this.pageLimit = pageLimit;
    }

    /** The log's filters as the form sends them; times are the form's local times at the browser's offset. */
    public static class Filter {
        @QueryParam("actor") public String actor;
        @QueryParam("action") public String action;
        @QueryParam("resourceType") public String resourceType;
        @QueryParam("resourceId") public String resourceId;
        @QueryParam("outcome") public String outcome;
        @QueryParam("from") public String from;
        @QueryParam("to") public String to;
        @QueryParam("offset") public String offset;

        AuditEventFilter query() {
            OffsetDateTime start = Forms.time("from", from, InboxPages.offset(offset));
            OffsetDateTime end = Forms.time("to", to, InboxPages.offset(offset));
            return new AuditEventFilter(Params.subject("actor", blank(actor)), null, Params.enumValue("action", blank(action), AuditAction.class),
                    Params.oneOf("resourceType", blank(resourceType), AuditedResource.TYPES), AuditResource.resourceId(resourceId),
                    Params.enumValue("outcome", blank(outcome), Outcome.class), start == null ? null : start.toInstant(),
                    end == null ? null : end.toInstant());
        }

        public String value(String field) {
            return field == null ? "" : field;
        }

        /** The filters as a query string, for the next page's link. */
        public String query(String cursor) {
            StringBuilder query = new StringBuilder("?");
            append(query, "actor", actor).append(query, "action", action).append(query, "resourceType", resourceType)
                    .append(query, "resourceId", resourceId).append(query, "outcome", outcome).append(query, "from", from)
                    .append(query, "to", to).append(query, "offset", offset).append(query, "cursor", cursor);
            return query.toString();
        }

        private Filter append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append(query.length() > 1 ? "&" : "").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            return this;
        }

        private static String blank(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    public record Verification(boolean checked, boolean ok, Long from, Long to, Long position, String problem) {
    }

    @GET
    @Path("audit")
    public Uni<TemplateInstance> log(@BeanParam Filter filter, @QueryParam("cursor") String cursor) {
        AuditEventFilter query = filter.query();
        String after = Params.text("cursor", cursor, 512);
        return session.caller().chain(caller -> queries.search(caller, query, after, pageLimit.resolve(null)))
                .chain(page -> session.frame().map(frame -> session.localized(Pages.audit(frame, filter,
                        page.items().stream().map(AuditEventView::of).toList(), page.nextCursor()))));
    }

    /** Who was refused, who read unusually much, and refusals without a valid token, over the last day (or the window asked). */
    @GET
    @Path("audit-signals")
    public Uni<TemplateInstance> signals(@QueryParam("hours") String hours) {
        Integer window = Params.integer("hours", hours);
        if (window != null && (window < 1 || window > 24 * 31)) {
            throw org.borderwatch.common.problem.ProblemException.invalid("hours", "must be between 1 and 744");
        }
        java.time.Instant end = java.time.Instant.now();
        java.time.Instant start = end.minus(java.time.Duration.ofHours(window == null ? 24 : window));
        return session.caller().chain(caller -> queries.signals(caller, start, end, readsPerHour))
                .chain(found -> session.frame().map(frame -> session.localized(Pages.signals(frame, new SignalsView(start, end, readsPerHour,
                        found.deniedActors().stream().map(SignalsView.Actor::of).toList(),
                        found.heavyReaders().stream().map(SignalsView.Actor::of).toList(),
                        found.unauthenticated().stream().map(SignalsView.UnauthenticatedRefusals::of).toList())))));
    }

    @GET
    @Path("audit-chain")
    public Uni<TemplateInstance> chain() {
        return session.frame().map(frame -> session.localized(Pages.chain(frame, new Verification(false, false, null, null, null, null))));
    }

    @POST
    @Path("audit-chain/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> verify(@FormParam("csrf") String csrf, @FormParam("from") String from, @FormParam("to") String to) {
        Long first = AuditChainResource.position("from", from);
        Long last = AuditChainResource.position("to", to);
        return session.submitted(csrf)
                .call(caller -> audit.recordAlone(caller, AuditAction.AUDIT_VERIFY, new AuditedResource("AUDIT_LOG", "chain", caller.agency())))
                .chain(caller -> verifier.verify(first, last))
                .chain(r -> session.frame().map(frame -> session.localized(Pages.chain(frame, new Verification(true, r.ok(), r.from(), r.to(),
                        r.position(), r.problem() == null ? null : r.problem().name())))));
    }

    /** The export as CSV, for a stated purpose; the export is itself recorded. */
    @POST
    @Path("audit-chain/export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"access-log.csv\"")
    public Multi<String> export(@FormParam("csrf") String csrf, @FormParam("purpose") String purpose,
                                              @FormParam("from") String from, @FormParam("to") String to) {
        session.statePurpose(purpose);
        Long first = AuditChainResource.position("from", from);
        Long last = AuditChainResource.position("to", to);
        return Multi.createFrom().uni(Completing.evenIfCancelled(session.submitted(csrf)
                        .call(caller -> audit.recordAlone(caller, AuditAction.AUDIT_EXPORT, new AuditedResource("AUDIT_LOG", "export", caller.agency())))))
                .onItem().transformToMultiAndConcatenate(caller -> Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(ExportLine.csvHeader()),
                        exports.export(caller, first == null ? 1 : first, last == null ? Long.MAX_VALUE : last).map(ExportLine::csv)));
    }
}
