package org.borderwatch.report.rest;

import jakarta.ws.rs.QueryParam;
import org.borderwatch.common.web.Params;
import org.borderwatch.report.Category;
import org.borderwatch.report.Impact;
import org.borderwatch.report.ReportFilter;
import org.borderwatch.report.ReportStatus;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of the supervisors' queue, shared by its JSON and GeoJSON forms. */
public class ReportQueueParams {

    @QueryParam("status")
    @Parameter(description = "Only reports in this status.", example = "SUBMITTED")
    public String status;

    @QueryParam("category")
    @Parameter(description = "Only reports of this category.", example = "DRUGS")
    public String category;

    @QueryParam("impact")
    @Parameter(description = "Only reports of this impact level.", example = "HIGH")
    public String impact;

    @QueryParam("borderGate")
    @Parameter(description = "Only reports at this border gate.", example = "MONG_CAI")
    public String borderGate;

    @QueryParam("bbox")
    @Parameter(description = "Only reports inside minLon,minLat,maxLon,maxLat (WGS84).", example = "107.5,21.3,108.1,21.7")
    public String bbox;

    @QueryParam("q")
    @Parameter(description = "Text that must occur in the narrative (1 to 200 characters, case-insensitive).", example = "ma túy")
    public String text;

    @QueryParam("sort")
    @Parameter(description = "newest (default) or oldest first.", example = "newest")
    public String sort;

    @QueryParam("from")
    @Parameter(description = "Only incidents that occurred at or after this time (RFC 3339).", example = "2026-11-01T00:00:00+07:00")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Only incidents that occurred before this time (RFC 3339).", example = "2026-12-01T00:00:00+07:00")
    public String to;

    @QueryParam("cursor")
    @Parameter(description = "Cursor from the previous page.")
    public String cursor;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50")
    public String limit;

    public ReportFilter filter() {
        return new ReportFilter(Params.enumValue("status", status, ReportStatus.class),
                Params.enumValue("category", category, Category.class), Params.enumValue("impact", impact, Impact.class),
                Params.text("borderGate", borderGate, 32), Params.instant("from", from), Params.instant("to", to),
                Params.box("bbox", bbox), Params.text("q", text, 200), Params.oldestFirst("sort", sort));
    }
}
