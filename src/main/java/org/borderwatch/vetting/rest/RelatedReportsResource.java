package org.borderwatch.vetting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.UUID;
import org.borderwatch.common.web.Params;
import org.borderwatch.report.rest.ReportView;
import org.borderwatch.report.service.ReportCodec;
import org.borderwatch.report.service.ReportService;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports that probably concern the same incident or network as a given one. */
@Path("/api/v1/reports/{id}/related")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Vetting")
public class RelatedReportsResource {

    private static final int MAX_RELATED = 50;

    private final CallerResolver callers;
    private final ReportService reports;
    private final ReportCodec codec;
    private final double meters;
    private final Duration window;

    public RelatedReportsResource(CallerResolver callers, ReportService reports, ReportCodec codec,
                           @ConfigProperty(name = "borderwatch.related.distance-meters") double meters,
                           @ConfigProperty(name = "borderwatch.related.window") Duration window) {
        this.callers = callers;
        this.reports = reports;
        this.codec = codec;
        this.meters = meters;
        this.window = window;
    }

    @GET
    @Operation(operationId = "listRelatedReports", summary = "Related reports",
            description = "Reports of the same agency that probably concern the same incident or network: the same vehicle plate "
                    + "(ignoring case, spaces, dots and dashes), the same border marker, or the same category within the configured "
                    + "distance and time window. Ranked, at most 50.")
    @APIResponse(responseCode = "200", description = "Related reports, most related first.")
    public Uni<RelatedReportView.Page> related(
            @Parameter(description = "Report id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @PathParam("id") String id) {
        UUID reportId = Params.uuid("id", id);
        return callers.current().chain(caller -> reports.related(caller, reportId, meters, window, MAX_RELATED))
                .map(related -> new RelatedReportView.Page(related.stream()
                        .map(r -> RelatedReportView.of(r.relation(), ReportView.of(r.report(), codec.fromJson(r.report().content))))
                        .toList()));
    }
}
