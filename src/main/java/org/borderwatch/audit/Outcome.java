package org.borderwatch.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an attempt ended: allowed, refused by a rule, or failed (for example nothing there). */
@Schema(description = "How an attempt ended.", example = "ALLOWED")
public enum Outcome {
    ALLOWED, DENIED, FAILED
}
