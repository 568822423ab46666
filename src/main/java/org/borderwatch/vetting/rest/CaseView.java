package org.borderwatch.vetting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.report.Impact;
import org.borderwatch.report.rest.ReportView;
import org.borderwatch.vetting.CaseFile;
import org.borderwatch.vetting.CaseStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Case", description = "A case; reading one case also gives its reports.",
        example = "{\"id\":\"7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b\",\"agency\":\"VN-QN\",\"title\":\"Methamphetamine crossing at Bac Luan II\","
                + "\"status\":\"OPEN\",\"impact\":\"HIGH\",\"categories\":[\"DRUGS\"],\"reportIds\":[\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\"],\"version\":1}")
public record CaseView(
        @Schema(description = "Case id.", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") UUID id,
        @Schema(description = "Owning agency.", example = "VN-QN") String agency,
        @Schema(description = "Title.", example = "Methamphetamine crossing at Bac Luan II") String title,
        @Schema(description = "Summary.", example = "Two couriers, same motorbike seen twice.") String summary,
        @Schema(description = "Impact level.", example = "HIGH") Impact impact,
        @Schema(description = "OPEN or CLOSED.", example = "OPEN") CaseStatus status,
        @Schema(description = "Supervisor working it.", example = "3f1c2b9e-0d7a-4a51-9b1e-6f2d8c4e7a10") String assignedTo,
        @Schema(description = "Who opened it.", example = "3f1c2b9e-0d7a-4a51-9b1e-6f2d8c4e7a10") String createdBy,
        @Schema(description = "When it was opened.", example = "2026-11-21T02:00:00Z") Instant createdAt,
        @Schema(description = "When it last changed.", example = "2026-11-21T02:00:00Z") Instant updatedAt,
        @Schema(description = "Version number; also the ETag.", example = "1") int version,
        @Schema(description = "Categories of its reports.", example = "[\"DRUGS\"]") Set<String> categories,
        @Schema(description = "Ids of its reports.") List<UUID> reportIds,
        @Schema(description = "Its reports (when one case is read).") List<ReportView> reports) {

    public static CaseView of(CaseFile c, Set<String> categories, List<UUID> reportIds, List<ReportView> reports) {
        return new CaseView(c.id, c.agency, c.title, c.summary, c.impact, c.status, c.assignedTo, c.createdBy, c.createdAt,
                c.updatedAt, c.version, categories, reportIds, reports);
    }

    @RegisterForReflection
    @Schema(name = "CasePage", description = "A page of cases, newest first.", example = "{\"items\":[],\"nextCursor\":null}")
    public record Page(
            @Schema(description = "The cases.") List<CaseView> items,
            @Schema(description = "Cursor for the next page; null at the end.", example = "Y2FzZXwyMDI2LTExLTIxVDAyOjAwOjAwWnw3ZDBl", nullable = true) String nextCursor) {
    }
}
