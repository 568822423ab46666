package org.borderwatch.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.borderwatch.audit.AuditAction;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/** Turns the verified token into a {@link Caller}; a token without a known agency is refused (403). */
@ApplicationScoped
public class CallerResolver {

    public static final String AGENCY_CLAIM = "agency";

    private final CurrentIdentityAssociation identities;
    private final KnownAgencies agencies;

    public CallerResolver(CurrentIdentityAssociation identities, KnownAgencies agencies) {
        this.identities = identities;
        this.agencies = agencies;
    }

    public Uni<Caller> current() {
        return identities.getDeferredIdentity().chain(this::toCaller);
    }

    /**
     * How long the caller's token stays valid. A stream opened with a token ends when the token does (a revoked phone
     * session stops hearing at its token's expiry); the client resumes with a fresh token and Last-Event-ID.
     */
    public Uni<Streaming> streaming() {
        return current().chain(caller -> identities.getDeferredIdentity().map(identity -> new Streaming(caller,
                identity.getPrincipal() instanceof JsonWebToken token
                        ? Duration.ofSeconds(Math.max(0, token.getExpirationTime() - Instant.now().getEpochSecond())) : Duration.ZERO)));
    }

    /** A caller opening a stream, and how long its token has left. */
    public record Streaming(Caller caller, Duration tokenLeft) {
    }

    private Uni<Caller> toCaller(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            return Uni.createFrom().failure(new UnauthorizedException());
        }
        Object claim = token.getClaim(AGENCY_CLAIM);
        String agency = claim == null ? null : claim.toString().replace("\"", "");
        Caller caller = new Caller(token.getSubject(), agency == null ? "" : agency, identity.getRoles());
        MDC.put("subject", caller.subject());
        MDC.put("agency", caller.agency());
        if (agency == null || agency.isBlank()) {
            return Uni.createFrom().failure(
                    AccessDeniedException.forbidden(caller, AuditAction.ACCESS, "the token carries no agency claim"));
        }
        return agencies.isKnown(agency).map(known -> {
            if (!known) {
                throw AccessDeniedException.forbidden(caller, AuditAction.ACCESS, "agency " + agency + " is not known to this service");
            }
            return caller;
        });
    }
}
