package org.borderwatch.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.borderwatch.common.web.CurrentRequest;

/**
 * The one way to build a problem answer, for ProblemMapper and the mappers that record refusals: application/problem+json,
 * or a {@link ProblemPage} for the console's pages.
 */
@ApplicationScoped
public class ProblemResponder {

    private final ObjectMapper json;
    private final CurrentRequest request;
    private final Instance<ProblemPage> pages;

    public ProblemResponder(ObjectMapper json, CurrentRequest request, Instance<ProblemPage> pages) {
        this.json = json;
        this.request = request;
        this.pages = pages;
    }

    public Response respond(ContainerRequestContext context, ProblemType type, String detail, List<FieldError> errors) {
        Locale locale = context == null || context.getAcceptableLanguages().isEmpty() ? Locale.ENGLISH
                : context.getAcceptableLanguages().get(0);
        Problem problem = Problem.of(type, detail, errors, locale, request.requestId());
        for (ProblemPage page : pages) {
            if (context != null && page.handles(context)) {
                return page.render(context, type, problem);
            }
        }
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
