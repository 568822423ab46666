package org.borderwatch.vetting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Whether a case is still being worked.", example = "OPEN")
public enum CaseStatus {
    OPEN, CLOSED
}
