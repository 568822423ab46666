package org.borderwatch.sharing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "PENDING_APPROVAL until a second supervisor approves (four-eyes); ACTIVE while the partner may read it; "
        + "REVOKED or EXPIRED once access is cut.", example = "ACTIVE")
public enum ShareStatus {
    PENDING_APPROVAL, ACTIVE, REVOKED, EXPIRED;

    public boolean ended() {
        return this == REVOKED || this == EXPIRED;
    }
}
