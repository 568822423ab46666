package org.borderwatch.security;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-user rate limits (OWASP API4), shared by every replica: one Bucket4j token bucket per token subject, kept in
 * PostgreSQL (table rate_limit_bucket, locked with SELECT ... FOR UPDATE). Each replica takes tokens locally and
 * writes them back at least every {@code unsynced-for} (Bucket4j's delaying optimisation), so a replica can overshoot
 * by at most that much of a user's allowance and the database sees a few writes a second per busy user, not one per
 * request. Over the limit is 429 with Retry-After.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final long RECORD_EVERY_NANOS = 10_000_000_000L;
    private static final long IDLE_NANOS = 10 * 60_000_000_000L;
    private static final Duration STORE_WAIT = Duration.ofMillis(250);
    private static final Duration STORE_PAUSE = Duration.ofSeconds(5);
    private static final ConsumptionProbe LET_THROUGH = ConsumptionProbe.consumed(0, 0);

    private final CurrentIdentityAssociation identities;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;
    private final BucketConfiguration allowance;
    private final DelayParameters unsynced;
    private final String limitText;
    private final String limitKey;
    private final Map<String, UserBucket> buckets = new ConcurrentHashMap<>();
    private volatile long storeDownUntil;

    public RateLimiter(CurrentIdentityAssociation identities, AgroalDataSource dataSource,
                       @ConfigProperty(name = "borderwatch.rate-limit.per-second") double perSecond,
                       @ConfigProperty(name = "borderwatch.rate-limit.burst") long burst,
                       @ConfigProperty(name = "borderwatch.rate-limit.unsynced-for") Duration unsyncedFor) {
        this.identities = identities;
        this.store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        // whole tokens over a long period, so a fractional rate (0.2/s) refills exactly
        long per1000s = Math.max(1, Math.round(perSecond * 1000));
        this.allowance = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(per1000s, Duration.ofSeconds(1000)))
                .build();
        long unsyncedTokens = Math.max(1, Math.round(perSecond * unsyncedFor.toNanos() / 1e9));
        this.unsynced = new DelayParameters(unsyncedTokens, unsyncedFor);
        // a changed limit starts new buckets, rather than living with the old one until it refills
        this.limitKey = "@" + plain(perSecond) + "/" + burst;
        this.limitText = "More than " + plain(perSecond) + " requests a second (bursts of " + burst + ")";
    }

    /** One user's bucket on this replica: the proxy carries the tokens taken here and not yet written back. */
    private static final class UserBucket {
        private final BucketProxy proxy;
        private long lastUsed;
        private long lastRecorded;
        private volatile long refusedUntil;

        UserBucket(BucketProxy proxy, long now) {
            this.proxy = proxy;
            this.lastUsed = now;
            this.lastRecorded = now - RECORD_EVERY_NANOS;
        }

        ConsumptionProbe take() {
            synchronized (this) {
                lastUsed = System.nanoTime();
            }
            return proxy.tryConsumeAndReturnRemaining(1);
        }

        synchronized boolean shouldRecord(long now) {
            if (now - lastRecorded < RECORD_EVERY_NANOS) {
                return false;
            }
            lastRecorded = now;
            return true;
        }

        /** Nanoseconds this replica goes on refusing without asking the shared bucket again (0: ask it). */
        long refusingFor(long now) {
            return Math.max(0, refusedUntil - now);
        }

        void refuseFor(long now, long nanos) {
            refusedUntil = now + nanos;
        }

        synchronized boolean idleSince(long cutoff) {
            return lastUsed < cutoff;
        }
    }

    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request) {
        return identities.getDeferredIdentity().chain(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
                return Uni.createFrom().voidItem();
            }
            UserBucket bucket = buckets.computeIfAbsent(token.getSubject(), this::newBucket);
            Supplier<Caller> caller = () -> new Caller(token.getSubject(),
                    String.valueOf(token.claim(CallerResolver.AGENCY_CLAIM).orElse("")), identity.getRoles());
            // a refused user's further requests are refused here until a token is due: a flood costs no database work
            long refusing = bucket.refusingFor(System.nanoTime());
            if (refusing > 0) {
                return Uni.createFrom().failure(refusal(caller, bucket, refusing));
            }
            return take(bucket).map(probe -> {
                if (probe.isConsumed()) {
                    return null;
                }
                bucket.refuseFor(System.nanoTime(), probe.getNanosToWaitForRefill());
                throw refusal(caller, bucket, probe.getNanosToWaitForRefill());
            });
        });
    }

    private RateLimitedException refusal(Supplier<Caller> caller, UserBucket bucket, long nanosToWait) {
        long wait = Math.max(1, (long) Math.ceil(nanosToWait / 1e9));
        return new RateLimitedException(caller.get(), limitText + "; retry in " + wait + " s", wait, bucket.shouldRecord(System.nanoTime()));
    }

    private UserBucket newBucket(String subject) {
        BucketProxy proxy = store.builder().withOptimization(Optimizations.delaying(unsynced)).build(subject + limitKey, () -> allowance);
        return new UserBucket(proxy, System.nanoTime());
    }

    /** Takes one token; the bucket may write to the database, so never on the event loop. */
    private Uni<ConsumptionProbe> take(UserBucket bucket) {
        if (System.nanoTime() < storeDownUntil) {
            return Uni.createFrom().item(LET_THROUGH);
        }
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return Uni.createFrom().item(() -> takeNow(bucket));
        }
        Uni<ConsumptionProbe> taken = Uni.createFrom().emitter(emitter -> context.executeBlocking(() -> takeNow(bucket), false)
                .onComplete(result -> {
                    if (result.succeeded()) {
                        emitter.complete(result.result());
                    } else {
                        emitter.fail(result.cause());
                    }
                }));
        // a store slow to answer (the database going away) must not hold requests: past the wait, let them through
        return taken.ifNoItem().after(STORE_WAIT).recoverWithItem(() -> {
            storeUnavailable("no answer within " + STORE_WAIT.toMillis() + " ms");
            return LET_THROUGH;
        }).emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private ConsumptionProbe takeNow(UserBucket bucket) {
        try {
            return bucket.take();
        } catch (RuntimeException unreachable) {
            storeUnavailable(unreachable.toString());
            return LET_THROUGH;
        }
    }

    /** The limit protects the service; with its store down the service is degraded already, so let requests through. */
    private void storeUnavailable(String why) {
        storeDownUntil = System.nanoTime() + STORE_PAUSE.toNanos();
        LOG.warnf("rate limit store unavailable, requests let through for %d s: %s", STORE_PAUSE.toSeconds(), why);
    }

    /** Forgets users who have been quiet for a while here, and deletes buckets that have refilled anywhere. */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdle() {
        long cutoff = System.nanoTime() - IDLE_NANOS;
        buckets.values().removeIf(bucket -> bucket.idleSince(cutoff));
        try {
            store.removeExpired(1000);
        } catch (RuntimeException e) {
            LOG.warnf("expired rate limit buckets not removed: %s", e.toString());
        }
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
