package org.borderwatch.security;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.Outcome;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-user rate limits (OWASP API4): a token bucket per token subject on this replica; over the limit is 429 with
 * Retry-After. The first refusal of a burst is recorded in the access log (not every one: a flood must not become
 * a flood of audit rows).
 */
@ApplicationScoped
public class RateLimiter {

    private static final long RECORD_EVERY_NANOS = 10_000_000_000L;

    private final CurrentIdentityAssociation identities;
    private final AuditRecorder audit;
    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(CurrentIdentityAssociation identities, AuditRecorder audit,
                       @ConfigProperty(name = "borderwatch.rate-limit.per-second") double perSecond,
                       @ConfigProperty(name = "borderwatch.rate-limit.burst") double burst) {
        this.identities = identities;
        this.audit = audit;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** One user's allowance: tokens refilled continuously up to the burst size. */
    static final class Bucket {
        private double tokens;
        private long updated;
        private long lastRecorded;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
            this.lastRecorded = now - RECORD_EVERY_NANOS;
        }

        /** 0 when a request may go now, otherwise the seconds until it may. */
        synchronized long take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }

        synchronized boolean shouldRecord(long now) {
            if (now - lastRecorded < RECORD_EVERY_NANOS) {
                return false;
            }
            lastRecorded = now;
            return true;
        }

        synchronized boolean idleSince(long cutoff) {
            return updated < cutoff;
        }
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        return identities.getDeferredIdentity().chain(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
                return Uni.createFrom().nullItem();
            }
            long now = System.nanoTime();
            Bucket bucket = buckets.computeIfAbsent(token.getSubject(), subject -> new Bucket(burst, now));
            long wait = bucket.take(perSecond, burst, now);
            if (wait == 0) {
                return Uni.createFrom().nullItem();
            }
            ProblemException refusal = new ProblemException(ProblemType.TOO_MANY_REQUESTS, "More than " + plain(perSecond)
                    + " requests a second (bursts of " + plain(burst) + "); retry in " + wait + " s")
                    .withHeader("Retry-After", Long.toString(wait));
            Caller caller = new Caller(token.getSubject(), String.valueOf(token.claim(CallerResolver.AGENCY_CLAIM).orElse("")), identity.getRoles());
            Uni<Void> recorded = bucket.shouldRecord(now)
                    ? audit.refused(caller, AuditAction.ACCESS, null, Outcome.DENIED, "rate limit exceeded")
                    : Uni.createFrom().voidItem();
            return recorded.onFailure().recoverWithNull().chain(() -> Uni.createFrom().failure(refusal));
        });
    }

    /** Forgets users who have been quiet for a while (their bucket would be full again anyway). */
    @Scheduled(every = "1m", delayed = "1m")
    void forgetIdle() {
        long cutoff = System.nanoTime() - 60_000_000_000L * 10;
        buckets.values().removeIf(bucket -> bucket.idleSince(cutoff));
    }

    private static String plain(double number) {
        return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
