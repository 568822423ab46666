package org.borderwatch.console.rest;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.web.Params;
import org.borderwatch.console.service.ClusterMap;
import org.borderwatch.evidence.rest.EvidenceView;
import org.borderwatch.evidence.service.EvidenceService;
import org.borderwatch.report.Category;
import org.borderwatch.report.Grading;
import org.borderwatch.report.rest.ReportHistoryView;
import org.borderwatch.report.rest.ReportQueueParams;
import org.borderwatch.report.rest.ReportView;
import org.borderwatch.report.service.ReportCodec;
import org.borderwatch.report.service.ReportFeedService;
import org.borderwatch.report.service.ReportService;
import org.borderwatch.security.Roles;
import org.borderwatch.vetting.Decision;
import org.borderwatch.vetting.rest.DecisionRequest;
import org.borderwatch.vetting.rest.RelatedReportView;
import org.borderwatch.vetting.service.VettingService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The supervisor's queue with the filters of GET /reports, the map, a report with its history, and the decision form. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SUPERVISOR)
public class ReportPages {

    private static final double CELL_DEGREES = 0.05;
    private static final int MAX_RELATED = 20;

    private final ConsoleSession session;
    private final ReportFeedService feed;
    private final ReportService reports;
    private final VettingService vetting;
    private final EvidenceService evidence;
    private final ReportCodec codec;
    private final Forms forms;
    private final org.borderwatch.common.paging.PageLimit pageLimit;
    private final Clock clock;
    private final double relatedMeters;
    private final Duration relatedWindow;

    public ReportPages(ConsoleSession session, ReportFeedService feed, ReportService reports, VettingService vetting, EvidenceService evidence,
                       ReportCodec codec, Forms forms, org.borderwatch.common.paging.PageLimit pageLimit, Clock clock,
                       @ConfigProperty(name = "borderwatch.related.distance-meters") double relatedMeters,
                       @ConfigProperty(name = "borderwatch.related.window") Duration relatedWindow) {
        this.session = session;
        this.feed = feed;
        this.reports = reports;
        this.vetting = vetting;
        this.evidence = evidence;
        this.codec = codec;
        this.forms = forms;
        this.pageLimit = pageLimit;
        this.clock = clock;
        this.relatedMeters = relatedMeters;
        this.relatedWindow = relatedWindow;
    }

    /** The queue's filters echoed into the form and the next page's link. Free-text search is left to the API: no report content in URLs. */
    public record Queue(String status, String category, String impact, String borderGate, String bbox, String sort, String text) {

        public String query(String cursor) {
            StringBuilder query = new StringBuilder("?");
            String[][] pairs = {{"status", status}, {"category", category}, {"impact", impact}, {"borderGate", borderGate}, {"bbox", bbox},
                {"sort", sort}, {"cursor", cursor}};
            for (String[] pair : pairs) {
                if (pair[1] != null && !pair[1].isBlank()) {
                    query.append(query.length() > 1 ? "&" : "").append(pair[0]).append('=')
                            .append(java.net.URLEncoder.encode(pair[1], java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return query.toString();
        }

        public String value(String field) {
            return field == null ? "" : field;
        }
    }

    @GET
    @Path("reports")
    public Uni<TemplateInstance> queue(@BeanParam ReportQueueParams params) {
        if (params.text != null) {
            throw ProblemException.invalid("q", "search the narrative with the search form: the console keeps report content out of URLs");
        }
        return list(params);
    }

    /** The queue searched for words of the narrative: posted, so the words never appear in a URL, a log or a history. */
    @POST
    @Path("reports/search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> search(@FormParam("csrf") String csrf, @FormParam("q") String q, @FormParam("status") String status,
                                        @FormParam("category") String category, @FormParam("impact") String impact,
                                        @FormParam("borderGate") String borderGate, @FormParam("bbox") String bbox,
                                        @FormParam("sort") String sort, @FormParam("cursor") String cursor) {
        ReportQueueParams params = new ReportQueueParams();
        params.text = q == null || q.isBlank() ? null : q;
        params.status = status;
        params.category = category;
        params.impact = impact;
        params.borderGate = borderGate;
        params.bbox = bbox;
        params.sort = sort;
        params.cursor = cursor;
        return session.submitted(csrf).chain(() -> list(params));
    }

    private Uni<TemplateInstance> list(ReportQueueParams params) {
        Queue echo = new Queue(blank(params.status) ? null : params.status, blank(params.category) ? null : params.category,
                blank(params.impact) ? null : params.impact, blank(params.borderGate) ? null : params.borderGate,
                blank(params.bbox) ? null : params.bbox, blank(params.sort) ? null : params.sort, params.text);
        params.status = echo.status();
        params.category = echo.category();
        params.impact = echo.impact();
        params.borderGate = echo.borderGate();
        params.bbox = echo.bbox();
        params.sort = echo.sort();
        var filter = params.filter();
        String cursor = Params.text("cursor", blank(params.cursor) ? null : params.cursor, 512);
        int limit = pageLimit.resolve(Params.integer("limit", params.limit));
        return session.caller().chain(caller -> feed.list(caller, filter, cursor, limit))
                .chain(page -> session.frame().map(frame -> session.localized(Pages.queue(frame, echo,
                        page.items().stream().map(r -> ReportView.of(r, codec.fromJson(r.content))).toList(), page.nextCursor()))));
    }

    @GET
    @Path("reports/{id}")
    public Uni<TemplateInstance> report(@PathParam("id") String id) {
        UUID reportId = Params.uuid("id", id);
        return session.caller().chain(caller -> reports.read(caller, reportId)
                .chain(report -> evidence.shownWith(caller, report).map(items -> ReportView.of(report, codec.fromJson(report.content))
                        .withEvidence(items.stream().map(EvidenceView::of).toList())))
                .chain(view -> reports.timeline(caller, reportId).map(ReportHistoryView::of)
                        .chain(history -> reports.related(caller, reportId, relatedMeters, relatedWindow, MAX_RELATED)
                                .map(related -> related.stream().map(r -> RelatedReportView.of(r.relation(),
                                        ReportView.of(r.report(), codec.fromJson(r.report().content)))).toList())
                                .chain(related -> session.frame().map(frame -> session.localized(
                                        Pages.report(frame, view, history.items(), related)))))));
    }

    @POST
    @Path("reports/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") String id, @FormParam("csrf") String csrf, @FormParam("version") String version,
                                @FormParam("decision") String decision, @FormParam("source") String source,
                                @FormParam("information") String information, @FormParam("impact") String impact, @FormParam("note") String note,
                                @FormParam("question") String question, @FormParam("reason") String reason) {
        UUID reportId = Params.uuid("id", id);
        Integer expected = Params.integer("version", version);
        if (expected == null) {
            throw ProblemException.invalid("version", "is required");
        }
        Decision chosen = Params.enumValue("decision", decision, Decision.class);
        Grading grading = blank(source) && blank(information) ? null : new Grading(source, information);
        DecisionRequest request = forms.valid(new DecisionRequest(chosen, grading,
                Params.enumValue("impact", blank(impact) ? null : impact, org.borderwatch.report.Impact.class), blank(note) ? null : note,
                blank(question) ? null : question, blank(reason) ? null : reason));
        return session.submitted(csrf).chain(caller -> vetting.decide(caller, reportId, request, expected))
                .map(report -> Response.seeOther(URI.create("/console/reports/" + reportId)).build());
    }

    @GET
    @Path("map")
    public Uni<TemplateInstance> map(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("category") String category,
                                     @QueryParam("offset") String offset) {
        OffsetDateTime end = Forms.time("to", to, InboxPages.offset(offset));
        OffsetDateTime start = Forms.time("from", from, InboxPages.offset(offset));
        Instant until = end == null ? clock.instant() : end.toInstant();
        Instant since = start == null ? until.minus(Duration.ofDays(7)) : start.toInstant();
        if (!since.isBefore(until)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        if (Duration.between(since, until).compareTo(Duration.ofDays(366)) > 0) {
            throw ProblemException.invalid("from", "the window is at most a year");
        }
        Category wanted = Params.enumValue("category", category, Category.class);
        return session.caller().chain(caller -> reports.cells(caller, wanted == null ? null : wanted.name(), CELL_DEGREES, since, until))
                .chain(cells -> session.frame().map(frame -> session.localized(Pages.map(frame, ClusterMap.draw(cells, CELL_DEGREES),
                        since.toString(), until.toString(), wanted == null ? "" : wanted.name()))));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
