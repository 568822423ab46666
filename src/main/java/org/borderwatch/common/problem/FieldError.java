package org.borderwatch.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One field that broke a rule.", example = "{\"field\":\"location.lat\",\"message\":\"must be between -90 and 90\"}")
public record FieldError(
        @Schema(description = "Path of the field in the request (dots for nesting, [n] for list items), or the query parameter or header name.", example = "location.lat")
        String field,
        @Schema(description = "The rule the value broke.", example = "must be between -90 and 90")
        String message) {
}
