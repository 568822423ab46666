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
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.Outcome;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.web.CurrentRequest;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** The one place that turns failures into application/problem+json, and records refusals in the access log. */
public class ProblemMapper {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ObjectMapper json;
    private final CurrentRequest request;
    private final AuditRecorder audit;
    private final CurrentIdentityAssociation identities;

    public ProblemMapper(ObjectMapper json, CurrentRequest request, AuditRecorder audit, CurrentIdentityAssociation identities) {
        this.json = json;
        this.request = request;
        this.audit = audit;
        this.identities = identities;
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
    public Uni<Response> denied(AccessDeniedException e, ContainerRequestContext context) {
        return audited(audit.refused(e.caller(), e.action(), e.resource(), e.outcome(), e.getMessage()),
                () -> respond(context, e.answer(), e.publicDetail(), List.of()), context);
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, ContainerRequestContext context, SimpleResourceInfo resource) {
        String operation = resource == null ? context.getUriInfo().getPath()
                : resource.getResourceClass().getSimpleName() + "." + resource.getMethodName();
        return identities.getDeferredIdentity()
                .map(identity -> identity.getPrincipal() instanceof JsonWebToken token
                        ? new Caller(token.getSubject(), String.valueOf(token.claim("agency").orElse("")), identity.getRoles())
                        : new Caller(null, "", identity.getRoles()))
                .chain(caller -> audited(audit.refused(caller, AuditAction.ACCESS, null, Outcome.DENIED,
                        "role not allowed for " + operation),
                        () -> respond(context, ProblemType.FORBIDDEN, "Your role does not allow this operation", List.of()), context));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Uni<Response> unauthenticated(RuntimeException e, ContainerRequestContext context) {
        return audited(audit.refused(null, AuditAction.ACCESS, null, Outcome.DENIED, "missing, invalid or expired bearer token"),
                () -> Response.fromResponse(respond(context, ProblemType.UNAUTHORIZED,
                        "Send a valid bearer token in the Authorization header", List.of()))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build(), context);
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
        boolean named = context != null && context.getHeaderString(HttpHeaders.IF_MATCH) != null;
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

    private Uni<Response> audited(Uni<Void> recording, java.util.function.Supplier<Response> answer, ContainerRequestContext context) {
        if (!io.vertx.core.Context.isOnEventLoopThread()) {
            // a blocking endpoint (file streaming) failed on a worker thread: record the refusal on a Vert.x context
            Uni<Void> onContext = recording;
            recording = Uni.createFrom().item(() -> org.borderwatch.common.Awaiting.await(() -> onContext));
        }
        return recording.map(ignored -> answer.get())
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "request %s: the refusal could not be recorded", request.requestId());
                    return Response.fromResponse(respond(context, ProblemType.UNAVAILABLE,
                            "The access log is unavailable; try again shortly", List.of())).header("Retry-After", "5").build();
                });
    }

    private Response respond(ContainerRequestContext context, ProblemType type, String detail, List<FieldError> errors) {
        Locale locale = context == null || context.getAcceptableLanguages().isEmpty() ? Locale.ENGLISH
                : context.getAcceptableLanguages().get(0);
        Problem problem = Problem.of(type, detail, errors, locale, request.requestId());
        return Response.status(type.status()).type(MEDIA_TYPE).entity(write(problem)).build();
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem details cannot be written", e);
        }
    }
}
