package org.borderwatch.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.borderwatch.common.web.CurrentRequest;

/** The one way to build an application/problem+json answer, for ProblemMapper and the mappers that record refusals. */
@ApplicationScoped
public class ProblemResponder {

    private final ObjectMapper json;
    private final CurrentRequest request;

    public ProblemResponder(ObjectMapper json, CurrentRequest request) {
        this.json = json;
        this.request = request;
    }

    public Response respond(ContainerRequestContext context, ProblemType type, String detail, List<FieldError> errors) {
        Locale locale = context == null || context.getAcceptableLanguages().isEmpty() ? Locale.ENGLISH
                : context.getAcceptableLanguages().get(0);
        Problem problem = Problem.of(type, detail, errors, locale, request.requestId());
        return Response.status(type.status()).type(ProblemMapper.MEDIA_TYPE).entity(write(problem)).build();
    }

    /** The request id of the request being answered, for the logs. */
    public String requestId() {
        return request.requestId();
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem details cannot be written", e);
        }
    }
}
