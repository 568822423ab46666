package org.borderwatch.sharing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.ShareStatus;
import org.borderwatch.sharing.repository.ShareRepository;
import org.borderwatch.sharing.repository.SnapshotRepository;

/** The recipient's side: the liaison's inbox of cases shared to their agency. */
@ApplicationScoped
public class InboxService {

    private static final String KIND = "inbox";

    private final ShareRepository shares;
    private final SnapshotRepository snapshots;
    private final ShareService owner;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final Clock clock;

    public InboxService(ShareRepository shares, SnapshotRepository snapshots, ShareService owner,
                        AgencyAccess access, AuditRecorder audit, Clock clock) {
        this.shares = shares;
        this.snapshots = snapshots;
        this.owner = owner;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public record Page(List<ShareDetail> items, String nextCursor) {
    }

    @WithTransaction
    public Uni<Page> list(Caller caller, ShareRepository.InboxFilter filter, String cursor, int limit) {
        Instant now = clock.instant();
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(KIND, cursor);
        return shares.inbox(caller.agency(), filter, after, now, limit)
                .chain(list -> owner.summaries(list, now))
                .call(items -> audit.allowed(caller, AuditAction.SHARE_LIST,
                        items.stream().map(d -> AuditedResource.share(d.share().id, d.share().fromAgency)).toList(), null))
                .map(items -> new Page(items, items.size() < limit ? null : Cursor.encode(KIND,
                        new Cursor.TimeAndId(items.get(items.size() - 1).share().createdAt, items.get(items.size() - 1).share().id))));
    }

    /** A share and, while it is ACTIVE, every snapshot released under it; once revoked or expired, only its status and reason. */
    @WithTransaction
    public Uni<ShareDetail> read(Caller caller, UUID shareId) {
        Instant now = clock.instant();
        return received(caller, shareId, AuditAction.SHARE_READ)
                .chain(share -> owner.detail(share, !share.statusAt(now).ended(), now))
                .call(detail -> audit.allowed(caller, AuditAction.SHARE_READ, AuditedResource.share(shareId, detail.share().fromAgency)));
    }

    @WithTransaction
    public Uni<ShareDetail> acknowledge(Caller caller, UUID shareId) {
        Instant now = clock.instant();
        return received(caller, shareId, AuditAction.SHARE_ACKNOWLEDGE).chain(share -> {
            gone(share, now);
            Uni<Void> change = Uni.createFrom().voidItem();
            if (share.acknowledgedAt == null) {
                share.acknowledgedBy = caller.subject();
                share.acknowledgedAt = now;
                share.updatedAt = now;
                change = shares.flush().chain(() -> shares.announce(share, "ACKNOWLEDGED", now));
            }
            return change.chain(() -> audit.allowed(caller, AuditAction.SHARE_ACKNOWLEDGE, AuditedResource.share(shareId, share.fromAgency)))
                    .chain(() -> owner.detail(share, false, now));
        });
    }

    /** The compact JWS the service signed over one released snapshot, so the partner can prove what it received. */
    @WithTransaction
    public Uni<String> signedCopy(Caller caller, UUID shareId, int version) {
        Instant now = clock.instant();
        return received(caller, shareId, AuditAction.SHARE_READ).chain(share -> {
            gone(share, now);
            return snapshots.version(shareId, version).map(snapshot -> {
                if (snapshot == null) {
                    throw new ProblemException(ProblemType.NOT_FOUND, "Share " + shareId + " has no snapshot version " + version);
                }
                if (snapshot.signed == null) {
                    throw new ProblemException(ProblemType.NOT_FOUND, "Snapshot " + version + " was published without a signing key");
                }
                return snapshot.signed;
            }).call(() -> audit.allowed(caller, AuditAction.SHARE_READ, AuditedResource.share(shareId, share.fromAgency)));
        });
    }

    /** What the shares to a partner give of an evidence item. */
    public enum EvidenceRelease { NONE, WITHOUT_LOCATION, WITH_EXACT_LOCATION }

    /**
     * Whether an approved, ACTIVE share of the item's case (the case its report is in now) to the caller's agency (a
     * liaison) released this evidence item in its latest snapshot, and whether with the exact location.
     */
    public Uni<EvidenceRelease> releasesEvidence(Caller caller, UUID evidenceId, UUID caseId) {
        if (!caller.has(org.borderwatch.security.Roles.LIAISON) || caseId == null) {
            return Uni.createFrom().item(EvidenceRelease.NONE);
        }
        return shares.releasingEvidence(caller.agency(), evidenceId, caseId, clock.instant()).map(exact -> exact == null ? EvidenceRelease.NONE
                : exact ? EvidenceRelease.WITH_EXACT_LOCATION : EvidenceRelease.WITHOUT_LOCATION);
    }

    /** A share released to the caller's agency; one never approved (awaiting, or revoked or expired before) does not exist for the recipient. */
    public Uni<Share> received(Caller caller, UUID shareId, AuditAction action) {
        return shares.byId(shareId).map(share -> {
            if (share == null || !access.canReceiveShare(caller, share.toAgency, share.wasReleased())) {
                throw AccessDeniedException.hidden(caller, action, AuditedResource.share(shareId, share == null ? null : share.fromAgency),
                        share != null);
            }
            return share;
        });
    }

    /** Content is gone from every recipient endpoint once a share is revoked or expired. */
    static void gone(Share share, Instant now) {
        ShareStatus status = share.statusAt(now);
        if (status.ended()) {
            throw new ProblemException(ProblemType.GONE, "Share " + share.id + " is " + status
                    + (share.endReason == null ? "" : ": " + share.endReason));
        }
    }
}
