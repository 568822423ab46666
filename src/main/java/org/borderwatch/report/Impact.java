package org.borderwatch.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How serious the reporting officer judges the incident. */
@Schema(description = "How serious the officer judges the incident.", example = "HIGH")
public enum Impact {
    LOW, MEDIUM, HIGH
}
