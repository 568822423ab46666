package org.borderwatch.report.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "ReportPage", description = "A page of reports and the cursor for the next one.",
        example = "{\"items\":[],\"nextCursor\":\"ZmVlZHwxMjM0fDU2\"}")
public record ReportPage(
        @Schema(description = "The reports of this page.") List<ReportView> items,
        @Schema(description = "Opaque cursor for the next page; null when a list has no more. The changes feed always returns one.",
                example = "ZmVlZHwxMjM0fDU2", nullable = true) String nextCursor) {
}
