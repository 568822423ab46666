package org.borderwatch.sharing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.ShareStatus;
import org.borderwatch.sharing.repository.ShareRepository;

/**
 * Marks shares whose expiry has passed, tells the recipient's inbox, and records the expiry for both agencies.
 * Access is already cut at the expiry instant by {@link Share#statusAt}; this job makes it visible and audited.
 */
@ApplicationScoped
public class ShareExpiry {

    private static final int BATCH = 200;

    private final ShareRepository shares;
    private final AuditRecorder audit;
    private final Clock clock;

    public ShareExpiry(ShareRepository shares, AuditRecorder audit, Clock clock) {
        this.shares = shares;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(every = "${borderwatch.sharing.expiry-check}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    public Uni<Void> expireLapsed() {
        Instant now = clock.instant();
        return shares.lapsed(now, BATCH).call(lapsed -> Multi.createFrom().iterable(lapsed)
                        .onItem().transformToUniAndConcatenate(share -> expire(share, now))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> expire(Share share, Instant now) {
        share.status = ShareStatus.EXPIRED;
        share.endedBy = "borderwatch";
        share.endedAt = now;
        share.endReason = "expired at " + share.expiresAt;
        share.updatedAt = now;
        // a release that was never approved expires unseen by the partner: no event for it, and only the owner's record
        List<AuditedResource> recorded = share.wasReleased()
                ? List.of(AuditedResource.share(share.id, share.fromAgency), AuditedResource.share(share.id, share.toAgency))
                : List.of(AuditedResource.share(share.id, share.fromAgency));
        return shares.flush()
                .chain(() -> share.wasReleased() ? shares.announce(share, "EXPIRED", now) : Uni.createFrom().voidItem())
                .chain(() -> audit.allowed(null, AuditAction.SHARE_EXPIRE, recorded, null));
    }
}
