package org.borderwatch.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error response. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details (application/problem+json).",
        example = "{\"type\":\"urn:borderwatch:problem:validation\",\"title\":\"Request validation failed\",\"status\":400,"
                + "\"detail\":\"1 field is invalid\",\"instance\":\"5b0c3f0e-7d1a-4c61-9d55-0f0b8f1f6a11\","
                + "\"errors\":[{\"field\":\"location.lat\",\"message\":\"must be between -90 and 90\"}]}")
public record Problem(
        @Schema(description = "Stable URN naming the kind of problem.", example = "urn:borderwatch:problem:validation")
        String type,
        @Schema(description = "Short summary, in the language asked for with Accept-Language (en, vi, zh).", example = "Request validation failed")
        String title,
        @Schema(description = "HTTP status code.", example = "400")
        int status,
        @Schema(description = "What went wrong in this request.", example = "1 field is invalid")
        String detail,
        @Schema(description = "The request id (also in the X-Request-Id header and the access log).", example = "5b0c3f0e-7d1a-4c61-9d55-0f0b8f1f6a11")
        String instance,
        @Schema(description = "The fields that broke a rule, for validation problems.")
        List<FieldError> errors) {

    public static Problem of(ProblemType type, String detail, List<FieldError> errors, java.util.Locale locale, String requestId) {
        return new Problem(type.urn(), type.title(locale), type.status(), detail, requestId, errors);
    }
}
