package org.borderwatch.vetting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.web.ETags;
import org.borderwatch.common.web.Params;
import org.borderwatch.report.Report;
import org.borderwatch.report.rest.ReportView;
import org.borderwatch.report.service.ReportCodec;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.borderwatch.vetting.CaseStatus;
import org.borderwatch.vetting.service.CaseService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Cases", description = "Verified reports about the same incident, grouped by the agency's supervisors.")
public class CaseResource {

    private final CallerResolver callers;
    private final CaseService cases;
    private final ReportCodec codec;
    private final PageLimit pageLimit;

    public CaseResource(CallerResolver callers, CaseService cases, ReportCodec codec, PageLimit pageLimit) {
        this.callers = callers;
        this.cases = cases;
        this.codec = codec;
        this.pageLimit = pageLimit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openCase", summary = "Open a case", description = "From one or more VERIFIED reports of the own agency that are in no other case "
            + "(otherwise 409); reports the caller cannot see are 404.")
    @APIResponse(responseCode = "201", description = "The case, with its reports.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> open(@Valid @NotNull CaseRequest request) {
        return callers.current().chain(caller -> cases.open(caller, request))
                .map(detail -> withEtag(Response.created(URI.create("/api/v1/cases/" + detail.caseFile().id)), detail));
    }

    @GET
    @Operation(operationId = "listCases", summary = "List the agency's cases", description = "Newest first, optionally only OPEN or CLOSED ones, or one supervisor's.")
    @APIResponse(responseCode = "200", description = "A page of cases.")
    public Uni<CaseView.Page> list(
            @Parameter(description = "OPEN or CLOSED.", example = "OPEN") @QueryParam("status") String status,
            @Parameter(description = "Only cases assigned to this subject.", example = "3f1c2b9e-0d7a-4a51-9b1e-6f2d8c4e7a10") @QueryParam("assignedTo") String assignedTo,
            @Parameter(description = "Cursor from the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        CaseStatus wanted = Params.enumValue("status", status, CaseStatus.class);
        String assignee = Params.subject("assignedTo", assignedTo);
        int size = pageLimit.resolve(Params.integer("limit", limit));
        String after = Params.text("cursor", cursor, 512);
        return callers.current().chain(caller -> cases.list(caller, wanted, assignee, after, size))
                .map(page -> new CaseView.Page(page.items().stream().map(c -> CaseView.of(c,
                        page.categories().getOrDefault(c.id, new TreeSet<>()), null, null)).toList(), page.nextCursor()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "readCase", summary = "Read a case", description = "The case with its reports. Another agency's case is 404.")
    @APIResponse(responseCode = "200", description = "The case.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> read(@Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id) {
        UUID caseId = Params.uuid("id", id);
        return callers.current().chain(caller -> cases.read(caller, caseId)).map(detail -> withEtag(Response.ok(), detail));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeCase", summary = "Change a case", description = "Title, summary, impact, status (OPEN/CLOSED) or assigned supervisor, on the version named by If-Match.")
    @APIResponse(responseCode = "200", description = "The case after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> update(
            @Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id,
            @Parameter(description = "ETag of the version being changed.", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseUpdate update) {
        UUID caseId = Params.uuid("id", id);
        int expected = ETags.expectedVersion(ifMatch);
        return callers.current().chain(caller -> cases.update(caller, caseId, expected, update)).map(detail -> withEtag(Response.ok(), detail));
    }

    @POST
    @Path("{id}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addReportToCase", summary = "Add a report to a case", description = "A VERIFIED report of the own agency in no other case, to an OPEN case.")
    @APIResponse(responseCode = "200", description = "The case after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> addReport(
            @Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id,
            @Parameter(description = "ETag of the case version.", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseReportRequest request) {
        UUID caseId = Params.uuid("id", id);
        int expected = ETags.expectedVersion(ifMatch);
        return callers.current().chain(caller -> cases.addReport(caller, caseId, expected, request.reportId()))
                .map(detail -> withEtag(Response.ok(), detail));
    }

    @DELETE
    @Path("{id}/reports/{reportId}")
    @Operation(operationId = "removeReportFromCase", summary = "Take a report out of a case", description = "A case keeps at least one report (409 otherwise).")
    @APIResponse(responseCode = "200", description = "The case after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> removeReport(
            @Parameter(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") @PathParam("id") String id,
            @Parameter(description = "Report id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @PathParam("reportId") String reportId,
            @Parameter(description = "ETag of the case version.", example = "\"1\"") @HeaderParam("If-Match") String ifMatch) {
        UUID caseId = Params.uuid("id", id);
        UUID member = Params.uuid("reportId", reportId);
        int expected = ETags.expectedVersion(ifMatch);
        return callers.current().chain(caller -> cases.removeReport(caller, caseId, expected, member))
                .map(detail -> withEtag(Response.ok(), detail));
    }

    private Response withEtag(Response.ResponseBuilder response, CaseService.Detail detail) {
        List<Report> members = detail.reports();
        TreeSet<String> categories = new TreeSet<>();
        members.forEach(r -> categories.add(r.category.name()));
        CaseView view = CaseView.of(detail.caseFile(), categories, members.stream().map(r -> r.id).toList(),
                members.stream().map(r -> ReportView.of(r, codec.fromJson(r.content))).toList());
        return response.entity(view).header(HttpHeaders.ETAG, ETags.of(detail.caseFile().version)).build();
    }
}
