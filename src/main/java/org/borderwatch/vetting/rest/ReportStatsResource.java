package org.borderwatch.vetting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.web.Params;
import org.borderwatch.report.service.ReportService;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The situation picture: counts of the agency's reports for dashboards. */
@Path("/api/v1/stats/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Vetting")
public class ReportStatsResource {

    /** The only groupings a client may ask for, each mapped to fixed SQL. */
    private static final Map<String, String> GROUPS = Map.of(
            "category", "category",
            "gate", "coalesce(border_gate, 'NONE')",
            "impact", "coalesce(impact, 'NONE')",
            "day", "to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD')");

    private final CallerResolver callers;
    private final ReportService reports;
    private final Clock clock;

    public ReportStatsResource(CallerResolver callers, ReportService reports, Clock clock) {
        this.callers = callers;
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "countReports", summary = "Report counts", description = "The own agency's reports counted by category, border gate, day or impact, "
            + "for incidents in [from, to) (default: the last 30 days).")
    @APIResponse(responseCode = "200", description = "The counts.")
    public Uni<StatsView> stats(
            @Parameter(description = "category, gate, day or impact.", example = "category") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "Incidents at or after (RFC 3339).", example = "2026-11-01T00:00:00+07:00") @QueryParam("from") String from,
            @Parameter(description = "Incidents before (RFC 3339).", example = "2026-12-01T00:00:00+07:00") @QueryParam("to") String to) {
        String expression = GROUPS.get(groupBy == null ? "" : groupBy);
        if (expression == null) {
            throw ProblemException.invalid("groupBy", "must be one of category, gate, day, impact");
        }
        Instant end = to == null || to.isBlank() ? clock.instant() : Params.instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(30)) : Params.instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        return callers.current().chain(caller -> reports.counts(caller, expression, start, end))
                .map(rows -> new StatsView(groupBy, start, end, rows.stream()
                        .map(row -> new StatsView.Count(String.valueOf(row[0]), ((Number) row[1]).longValue())).toList()));
    }
}
