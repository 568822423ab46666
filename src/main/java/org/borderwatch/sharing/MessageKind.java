package org.borderwatch.sharing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "COMMENT; REQUEST_FOR_INFORMATION (needs dueAt); RESPONSE (needs answers, the id of a request).",
        example = "REQUEST_FOR_INFORMATION")
public enum MessageKind {
    COMMENT, REQUEST_FOR_INFORMATION, RESPONSE
}
