package org.borderwatch.audit.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.Outcome;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.Awaiting;
import org.borderwatch.common.problem.ProblemResponder;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.Caller;
import org.borderwatch.security.RateLimitedException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** Refusals, answered as problem+json only once the access log has recorded them. */
public class RefusalMapper {

    private static final Logger LOG = Logger.getLogger(RefusalMapper.class);

    private final ProblemResponder problems;
    private final AuditRecorder audit;
    private final CurrentIdentityAssociation identities;

    public RefusalMapper(ProblemResponder problems, AuditRecorder audit, CurrentIdentityAssociation identities) {
        this.problems = problems;
        this.audit = audit;
        this.identities = identities;
    }

    @ServerExceptionMapper
    public Uni<Response> denied(AccessDeniedException e, ContainerRequestContext context) {
        return audited(audit.refused(e.caller(), e.action(), e.resource(), e.outcome(), e.getMessage()),
                () -> problems.respond(context, e.answer(), e.publicDetail(), List.of()), context);
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
                        () -> problems.respond(context, ProblemType.FORBIDDEN, "Your role does not allow this operation", List.of()), context));
    }

    @ServerExceptionMapper
    public Uni<Response> rateLimited(RateLimitedException e, ContainerRequestContext context) {
        Uni<Void> recording = e.worthRecording()
                ? audit.refused(e.caller(), AuditAction.ACCESS, null, Outcome.DENIED, "rate limit exceeded")
                : Uni.createFrom().voidItem();
        return audited(recording, () -> Response.fromResponse(problems.respond(context, ProblemType.TOO_MANY_REQUESTS,
                e.getMessage(), List.of())).header("Retry-After", Long.toString(e.retryAfterSeconds())).build(), context);
    }

    /** Anyone can send these: recorded bounded, per client address and minute (AuditRecorder.refusedUnauthenticated). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Uni<Response> unauthenticated(RuntimeException e, ContainerRequestContext context) {
        return audited(audit.refusedUnauthenticated("missing, invalid or expired bearer token"),
                () -> Response.fromResponse(problems.respond(context, ProblemType.UNAUTHORIZED,
                        "Send a valid bearer token in the Authorization header", List.of()))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build(), context);
    }

    private Uni<Response> audited(Uni<Void> recording, Supplier<Response> answer, ContainerRequestContext context) {
        if (!io.vertx.core.Context.isOnEventLoopThread()) {
            // a blocking endpoint (file streaming) failed on a worker thread: record the refusal on a Vert.x context
            Uni<Void> onContext = recording;
            recording = Uni.createFrom().item(() -> Awaiting.await(() -> onContext));
        }
        return recording.map(ignored -> answer.get())
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "request %s: the refusal could not be recorded", problems.requestId());
                    return Response.fromResponse(problems.respond(context, ProblemType.UNAVAILABLE,
                            "The access log is unavailable; try again shortly", List.of())).header("Retry-After", "5").build();
                });
    }
}
