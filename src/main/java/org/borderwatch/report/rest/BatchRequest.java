package org.borderwatch.report.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reports queued on a phone while it was offline, sent together. Each item is judged on its own. */
@RegisterForReflection
@Schema(name = "ReportBatch", description = "Up to 100 reports from a phone's offline queue. Each item is a report with its phone-made id.",
        example = "{\"reports\":[{\"id\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\",\"category\":\"ILLEGAL_CROSSING\","
                + "\"occurredAt\":\"2026-11-20T05:10:00+07:00\",\"location\":{\"lat\":21.83,\"lon\":106.76}}]}")
public record BatchRequest(
        @NotNull @Size(min = 1, max = 100)
        @Schema(description = "The reports, each with an `id` (UUID) plus the fields of ReportContent.", required = true,
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = BatchItem.class)
        List<JsonNode> reports) {

    @Schema(name = "ReportBatchItem", description = "A report with its phone-made id.",
            example = "{\"id\":\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\",\"category\":\"ILLEGAL_CROSSING\","
                    + "\"occurredAt\":\"2026-11-20T05:10:00+07:00\",\"location\":{\"lat\":21.83,\"lon\":106.76}}",
            allOf = org.borderwatch.report.ReportContent.class)
    public record BatchItem(
            @Schema(description = "Report id, made by the phone.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51", required = true)
            String id) {
    }
}
