package org.borderwatch.vetting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a supervisor decides about a report.", example = "VERIFY")
public enum Decision {
    VERIFY, REJECT, REQUEST_INFO
}
