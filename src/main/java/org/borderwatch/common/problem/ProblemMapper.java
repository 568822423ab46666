package org.borderwatch.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.borderwatch.common.web.CurrentRequest;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns failures into application/problem+json. Refusals that the access log records (denied,
 * forbidden, unauthenticated) are mapped by audit.rest.RefusalMapper, through the same ProblemResponder.
 */
public class ProblemMapper {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ProblemResponder responder;
    private final CurrentRequest request;

    public ProblemMapper(ProblemResponder responder, CurrentRequest request) {
        this.responder = responder;
        this.request = request;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext context) {
        Response response = respond(context, e.type(), e.getMessage(), e.errors());
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext context) {
        List<FieldError> errors = FieldErrors.of(e.getConstraintViolations());
        return respond(context, ProblemType.VALIDATION, errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid", errors);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
        MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
        InvalidTypeIdException.class, ValueInstantiationException.class, StreamConstraintsException.class,
        InvalidDefinitionException.class})
    public Response unreadable(JsonProcessingException e, ContainerRequestContext context) {
        FieldError error = describe(e);
        return error == null
                ? respond(context, ProblemType.MALFORMED_BODY, "The body is not well-formed JSON", List.of())
                : respond(context, ProblemType.VALIDATION, error.field() + " " + error.message(), List.of(error));
    }

    /** Whatever Jackson reports, the answer is a 400: a failure to describe it is no reason for a 500. */
    private FieldError describe(JsonProcessingException e) {
        try {
            return FieldErrors.of(e);
        } catch (RuntimeException unexpected) {
            LOG.warnf(unexpected, "request %s: a JSON failure could not be described", request.requestId());
            return null;
        }
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(RuntimeException e, ContainerRequestContext context) {
        // a version that changed under a request that named none (no If-Match) is a conflict, not a failed precondition
        boolean named = context != null && context.getHeaderString(jakarta.ws.rs.core.HttpHeaders.IF_MATCH) != null;
        return respond(context, named ? ProblemType.PRECONDITION_FAILED : ProblemType.CONFLICT,
                "Someone else changed this resource first; read it again", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext context) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, context);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", request.requestId());
        }
        String detail = status >= 500 ? "The request could not be completed" : type.title(Locale.ENGLISH);
        return respond(context, type, detail, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext context) {
        if (Conflicts.isLostRace(e)) {
            LOG.infof("request %s lost a race with a concurrent change: %s", request.requestId(), e.toString());
            return respond(context, ProblemType.CONFLICT, "A concurrent request changed this resource first; read it again and retry",
                    List.of());
        }
        if (Unavailability.isCause(e)) {
            LOG.warnf("request %s: a dependency is unavailable: %s", request.requestId(), e.toString());
            return Response.fromResponse(respond(context, ProblemType.UNAVAILABLE,
                    "A service this request needs is unavailable; retry shortly", List.of())).header("Retry-After", "5").build();
        }
        LOG.errorf(e, "request %s failed", request.requestId());
        return respond(context, ProblemType.INTERNAL, "The request could not be completed; quote the request id when reporting it", List.of());
    }

    private Response respond(ContainerRequestContext context, ProblemType type, String detail, List<FieldError> errors) {
        return responder.respond(context, type, detail, errors);
    }
}
