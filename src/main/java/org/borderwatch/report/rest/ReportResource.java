package org.borderwatch.report.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.web.ETags;
import org.borderwatch.common.web.Params;
import org.borderwatch.evidence.rest.EvidenceView;
import org.borderwatch.evidence.service.EvidenceService;
import org.borderwatch.report.Report;
import org.borderwatch.report.ReportFilter;
import org.borderwatch.report.service.ReportBatchService;
import org.borderwatch.report.service.ReportCodec;
import org.borderwatch.report.service.ReportFeedService;
import org.borderwatch.report.service.ReportMetrics;
import org.borderwatch.report.service.ReportFilingService;
import org.borderwatch.report.service.ReportService;
import org.borderwatch.report.ReportContent;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Field reports filed by officers, online or from an offline queue.")
public class ReportResource {

    public static final String GEO_JSON = "application/geo+json";

    private final CallerResolver callers;
    private final ReportService reports;
    private final ReportFilingService filings;
    private final ReportBatchService batches;
    private final ReportFeedService feeds;
    private final ReportCodec codec;
    private final ReportMetrics metrics;
    private final PageLimit pageLimit;
    private final EvidenceService evidence;

    public ReportResource(CallerResolver callers, ReportService reports, ReportFilingService filings, ReportBatchService batches,
                          ReportFeedService feeds, ReportCodec codec, ReportMetrics metrics, PageLimit pageLimit,
                          EvidenceService evidence) {
        this.callers = callers;
        this.reports = reports;
        this.filings = filings;
        this.batches = batches;
        this.feeds = feeds;
        this.codec = codec;
        this.metrics = metrics;
        this.pageLimit = pageLimit;
        this.evidence = evidence;
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "fileReport", summary = "File or amend a report",
            description = "Without If-Match: files the report under the phone-made id (201), or recognises a retry with the same content (200); "
                    + "different content for an existing id is 409. With If-Match: amends the report while it is SUBMITTED or NEEDS_INFO, "
                    + "keeping the replaced version; a stale ETag is 412.")
    @APIResponse(responseCode = "201", description = "Filed now.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "200", description = "Already filed with this content, or amended.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    public Uni<Response> file(
            @Parameter(description = "Report id (UUID made by the phone).", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @PathParam("id") String id,
            @Parameter(description = "ETag of the version being amended; absent when filing.", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReportContent content) {
        UUID reportId = Params.uuid("id", id);
        if (ifMatch != null) {
            int expected = ETags.expectedVersion(ifMatch);
            return callers.current()
                    .chain(caller -> reports.amend(caller, reportId, content, expected))
                    .map(report -> withEtag(Response.ok(view(report)), report));
        }
        return callers.current()
                .chain(caller -> filings.file(caller, reportId, content))
                .map(filed -> {
                    Report report = filed.report();
                    if (!filed.created()) {
                        return withEtag(Response.ok(view(report)), report);
                    }
                    metrics.received(report.category);
                    return withEtag(Response.created(URI.create("/api/v1/reports/" + report.id)).entity(view(report)), report);
                });
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "fileReportBatch", summary = "File an offline queue",
            description = "Files up to 100 reports, each on its own: one bad item never blocks the others. Answers one result per item, in order.")
    @APIResponse(responseCode = "200", description = "One result per report.")
    public Uni<BatchResponse> fileBatch(@Valid @NotNull BatchRequest batch, HttpHeaders headers) {
        Locale locale = headers.getAcceptableLanguages().isEmpty() ? Locale.ENGLISH : headers.getAcceptableLanguages().get(0);
        return callers.current()
                .chain(caller -> batches.fileAll(caller, batch.reports(), locale))
                .map(BatchResponse::new);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "readReport", summary = "Read a report",
            description = "Officers read their own reports, supervisors every report of their agency; anything else is 404. "
                    + "Includes the report's evidence items (id, size, type, SHA-256, EXIF facts).")
    @APIResponse(responseCode = "200", description = "The report, with its ETag.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    public Uni<Response> read(
            @Parameter(description = "Report id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @PathParam("id") String id) {
        UUID reportId = Params.uuid("id", id);
        return callers.current()
                .chain(caller -> reports.read(caller, reportId)
                        .chain(report -> evidence.shownWith(caller, report).map(items -> withEtag(Response.ok(view(report)
                                .withEvidence(items.stream().map(EvidenceView::of).toList())), report))));
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "listReportVersions", summary = "List a report's versions", description = "Every version of the report's content, oldest first; the last is current.")
    @APIResponse(responseCode = "200", description = "The versions.")
    public Uni<ReportVersionView.Page> versions(
            @Parameter(description = "Report id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @PathParam("id") String id) {
        UUID reportId = Params.uuid("id", id);
        return callers.current()
                .chain(caller -> reports.history(caller, reportId))
                .map(history -> {
                    List<ReportVersionView> items = new ArrayList<>();
                    history.earlier().forEach(v -> items.add(new ReportVersionView(v.version, v.status, v.validFrom, v.validTo,
                            v.amendedBy, codec.fromJson(v.content))));
                    Report current = history.current();
                    items.add(new ReportVersionView(current.version, current.status, current.updatedAt, null, null,
                            codec.fromJson(current.content)));
                    return new ReportVersionView.Page(items, null);
                });
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "readReportHistory", summary = "A report's history",
            description = "Filing, every decision, question and answer, oldest first: what the officer sees of what became of the report.")
    @APIResponse(responseCode = "200", description = "The history.")
    public Uni<ReportHistoryView.Page> history(
            @Parameter(description = "Report id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @PathParam("id") String id) {
        UUID reportId = Params.uuid("id", id);
        return callers.current()
                .chain(caller -> reports.timeline(caller, reportId))
                .map(ReportHistoryView::of);
    }

    @GET
    @Path("changes")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "listReportChanges", summary = "Offline-sync changes feed",
            description = "Reports visible to the caller (an officer's own, a supervisor's agency's) that changed after the cursor, "
                    + "status changes included, in the order they became final. Keep the returned cursor and poll with it; no change is ever skipped.")
    @APIResponse(responseCode = "200", description = "Changed reports and the cursor to continue from.")
    public Uni<ReportPage> changes(
            @Parameter(description = "Cursor from the previous page; absent to start from the beginning.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        int size = pageLimit.resolve(Params.integer("limit", limit));
        String from = Params.text("cursor", cursor, 512);
        return callers.current()
                .chain(caller -> feeds.changes(caller, from, size))
                .map(page -> new ReportPage(page.items().stream().map(this::view).toList(), page.nextCursor()));
    }

    @GET
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "listReportQueue", summary = "List the agency's reports",
            description = "The supervisors' queue: the own agency's reports, newest (or oldest) received first, filtered by status, "
                    + "category, impact, border gate, time of the incident, a bounding box and free text in the narrative "
                    + "(any language: matched by characters, not words).")
    @APIResponse(responseCode = "200", description = "A page of reports.")
    public Uni<ReportPage> list(@BeanParam ReportQueueParams params) {
        return queue(params).map(page -> new ReportPage(page.items().stream().map(this::view).toList(), page.nextCursor()));
    }

    @GET
    @Produces(GEO_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "List the agency's reports for a map",
            description = "The same page as the JSON list, as a GeoJSON FeatureCollection of points (ask with Accept: application/geo+json).")
    @APIResponse(responseCode = "200", description = "A page of reports as GeoJSON.")
    public Uni<GeoJson> map(@BeanParam ReportQueueParams params) {
        return queue(params).map(page -> GeoJson.of(page.items(), page.nextCursor()));
    }

    private Uni<ReportFeedService.Page> queue(ReportQueueParams params) {
        ReportFilter filter = params.filter();
        int size = pageLimit.resolve(Params.integer("limit", params.limit));
        String after = Params.text("cursor", params.cursor, 512);
        return callers.current().chain(caller -> feeds.list(caller, filter, after, size));
    }

    private ReportView view(Report report) {
        return ReportView.of(report, codec.fromJson(report.content));
    }

    private static Response withEtag(Response.ResponseBuilder response, Report report) {
        return response.header(HttpHeaders.ETAG, ETags.of(report.version)).build();
    }
}
