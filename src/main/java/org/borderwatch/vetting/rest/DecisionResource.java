package org.borderwatch.vetting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.borderwatch.common.web.ETags;
import org.borderwatch.common.web.Params;
import org.borderwatch.report.rest.ReportView;
import org.borderwatch.report.service.ReportCodec;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.borderwatch.vetting.service.VettingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/{id}/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vetting", description = "Supervisors grade, reject or question their agency's reports.")
public class DecisionResource {

    private final CallerResolver callers;
    private final VettingService vetting;
    private final ReportCodec codec;

    public DecisionResource(CallerResolver callers, VettingService vetting, ReportCodec codec) {
        this.callers = callers;
        this.vetting = vetting;
        this.codec = codec;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "decideReport", summary = "Decide on a report",
            description = "VERIFY (with a grading), REJECT (with a reason) or REQUEST_INFO (with a question for the officer), "
                    + "on the version named by If-Match. Decisions not allowed from the current status are 409; "
                    + "a supervisor cannot decide on a report they filed (403); a stale If-Match is 412, a missing one 428.")
    @APIResponse(responseCode = "200", description = "The report after the decision, with its new ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> decide(
            @Parameter(description = "Report id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @PathParam("id") String id,
            @Parameter(description = "ETag of the version decided on.", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DecisionRequest request) {
        UUID reportId = Params.uuid("id", id);
        int expected = ETags.expectedVersion(ifMatch);
        return callers.current()
                .chain(caller -> vetting.decide(caller, reportId, request, expected))
                .map(report -> Response.ok(ReportView.of(report, codec.fromJson(report.content)))
                        .header(HttpHeaders.ETAG, ETags.of(report.version)).build());
    }
}
