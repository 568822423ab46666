package org.borderwatch.sharing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.evidence.service.EvidenceService;
import org.borderwatch.report.Report;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;
import org.borderwatch.security.ServiceSigner;
import org.borderwatch.sharing.Agreement;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.Redaction;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.ShareSnapshot;
import org.borderwatch.sharing.ShareStatus;
import org.borderwatch.sharing.SharedCase;
import org.borderwatch.sharing.repository.AgencyRepository;
import org.borderwatch.sharing.repository.MessageRepository;
import org.borderwatch.sharing.repository.ShareRepository;
import org.borderwatch.sharing.repository.SnapshotRepository;
import org.borderwatch.sharing.rest.ShareRequest;
import org.borderwatch.vetting.service.CaseService;

/** The owner's side of sharing: release a case, approve (four-eyes), publish an update, revoke. */
@ApplicationScoped
public class ShareService {

    private final ShareRepository shares;
    private final SnapshotRepository snapshots;
    private final MessageRepository messages;
    private final AgencyRepository agencies;
    private final AgreementService agreements;
    private final CaseService cases;
    private final Redactor redactor;
    private final EvidenceService evidence;
    private final ServiceSigner signer;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ShareService(ShareRepository shares, SnapshotRepository snapshots, MessageRepository messages, AgencyRepository agencies,
                        AgreementService agreements, CaseService cases, Redactor redactor, EvidenceService evidence, ServiceSigner signer, AgencyAccess access,
                        AuditRecorder audit, ObjectMapper json, Clock clock) {
        this.shares = shares;
        this.snapshots = snapshots;
        this.messages = messages;
        this.agencies = agencies;
        this.agreements = agreements;
        this.cases = cases;
        this.redactor = redactor;
        this.evidence = evidence;
        this.signer = signer;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A release and whether this request made it (false when a retry found the one it made before). */
    public record Released(ShareDetail detail, boolean created) {
    }

    /**
     * Releases a case. The share id is the client's Idempotency-Key when it sends one, so a retried release finds
     * the share it made instead of making a second one.
     */
    @WithTransaction
    public Uni<Released> release(Caller caller, UUID caseId, UUID shareId, ShareRequest request) {
        Instant now = clock.instant();
        check(caller, request, now);
        return shares.byId(shareId).chain(existing -> {
            if (existing != null) {
                return retried(caller, caseId, existing);
            }
            return cases.forRelease(caller, caseId, AuditAction.SHARE_CREATE)
                    .call(() -> knownPartner(request.toAgency()))
                    .call(detail -> evidenceOfCase(detail, request.redaction().evidence()))
                    .chain(detail -> {
                        Set<String> categories = categories(detail.reports());
                        return agreements.covering(caller, caller.agency(), request.toAgency(), categories, request.handlingCode(), shareId)
                                .chain(agreement -> create(caller, shareId, detail, categories, agreement, request, now));
                    });
        });
    }

    private Uni<Released> create(Caller caller, UUID shareId, CaseService.Detail detail, Set<String> categories, Agreement agreement,
                                 ShareRequest request, Instant now) {
        checkCovers(request.expiresAt().toInstant(), agreement);
        Share share = new Share();
        share.id = shareId;
        share.caseId = detail.caseFile().id;
        share.fromAgency = caller.agency();
        share.toAgency = request.toAgency();
        share.agreementId = agreement.id;
        share.handlingCode = request.handlingCode();
        share.conditions = request.conditions();
        share.purpose = request.purpose();
        share.expiresAt = request.expiresAt().toInstant();
        share.redaction = write(request.redaction());
        share.categories = String.join(",", categories);
        share.status = needsApproval(request.handlingCode(), request.redaction()) ? ShareStatus.PENDING_APPROVAL : ShareStatus.ACTIVE;
        share.requestedBy = caller.subject();
        share.createdAt = now;
        share.updatedAt = now;
        if (share.status == ShareStatus.ACTIVE) {
            share.approvedAt = now;
        }
        ShareSnapshot snapshot = snapshot(caller, share, request.redaction(), detail, categories, 1, now);
        return shares.add(share).chain(shares::flush)
                .chain(() -> snapshots.add(snapshot)).chain(snapshots::flush)
                .chain(() -> share.status == ShareStatus.ACTIVE ? shares.announce(share, "SHARED", now) : Uni.createFrom().voidItem())
                .chain(() -> audit.allowed(caller, AuditAction.SHARE_CREATE, AuditedResource.share(share.id, share.toAgency)))
                .replaceWith(new Released(new ShareDetail(share, List.of(snapshot), Threads.EMPTY, 1), true));
    }

    /** Four-eyes: a second supervisor of the owning agency approves a release held for approval. */
    @WithTransaction
    public Uni<ShareDetail> approve(Caller caller, UUID caseId, UUID shareId) {
        Instant now = clock.instant();
        return owned(caller, caseId, shareId, AuditAction.SHARE_APPROVE).chain(share -> {
            if (!access.canApproveShare(caller, share.fromAgency, share.requestedBy)) {
                throw AccessDeniedException.forbidden(caller, AuditAction.SHARE_APPROVE, AuditedResource.share(shareId, share.toAgency),
                        caller.subject().equals(share.requestedBy) ? "four-eyes: the requester of a release cannot approve it"
                                : "four-eyes: only a supervisor of " + share.fromAgency + " approves a release");
            }
            if (share.statusAt(now) != ShareStatus.PENDING_APPROVAL) {
                throw new ProblemException(ProblemType.CONFLICT, "Share " + shareId + " is " + share.statusAt(now) + ", not PENDING_APPROVAL");
            }
            return agreements.covering(caller, share.fromAgency, share.toAgency, share.categorySet(), share.handlingCode, shareId)
                    .chain(agreement -> {
                        share.status = ShareStatus.ACTIVE;
                        share.approvedBy = caller.subject();
                        share.approvedAt = now;
                        share.updatedAt = now;
                        return shares.flush()
                                .chain(() -> shares.announce(share, "SHARED", now))
                                .chain(() -> audit.allowed(caller, AuditAction.SHARE_APPROVE, AuditedResource.share(shareId, share.toAgency)))
                                .chain(() -> detail(share, true, now));
                    });
        });
    }

    /** Publishes a new snapshot of the case to an ACTIVE share, under the same profile; the partner keeps the earlier ones. */
    @WithTransaction
    public Uni<ShareDetail> publish(Caller caller, UUID caseId, UUID shareId) {
        Instant now = clock.instant();
        return owned(caller, caseId, shareId, AuditAction.SHARE_PUBLISH).chain(share -> {
            if (share.statusAt(now) != ShareStatus.ACTIVE) {
                throw new ProblemException(ProblemType.CONFLICT, "Share " + shareId + " is " + share.statusAt(now)
                        + "; only an ACTIVE share takes an updated snapshot");
            }
            return cases.forRelease(caller, caseId, AuditAction.SHARE_PUBLISH).chain(detail -> {
                Set<String> categories = categories(detail.reports());
                return agreements.covering(caller, share.fromAgency, share.toAgency, categories, share.handlingCode, shareId)
                        .chain(() -> snapshots.count(shareId))
                        .chain(count -> {
                            ShareSnapshot snapshot = snapshot(caller, share, read(share.redaction), detail, categories, count.intValue() + 1, now);
                            share.categories = String.join(",", categories);
                            share.updatedAt = now;
                            return snapshots.add(snapshot).chain(snapshots::flush).chain(shares::flush)
                                    .chain(() -> shares.announce(share, "UPDATED", now))
                                    .chain(() -> audit.allowed(caller, AuditAction.SHARE_PUBLISH, AuditedResource.share(shareId, share.toAgency)))
                                    .chain(() -> detail(share, true, now));
                        });
            });
        });
    }

    /** Cuts the partner's access at once; the partner sees the share as REVOKED with the reason, and no content. */
    @WithTransaction
    public Uni<ShareDetail> revoke(Caller caller, UUID caseId, UUID shareId, String reason) {
        Instant now = clock.instant();
        return owned(caller, caseId, shareId, AuditAction.SHARE_REVOKE).chain(share -> {
            if (share.statusAt(now).ended()) {
                throw new ProblemException(ProblemType.CONFLICT, "Share " + shareId + " is already " + share.statusAt(now));
            }
            share.status = ShareStatus.REVOKED;
            share.endedBy = caller.subject();
            share.endedAt = now;
            share.endReason = reason;
            share.updatedAt = now;
            return shares.flush()
                    .chain(() -> shares.announce(share, "REVOKED", now))
                    .chain(() -> audit.allowed(caller, AuditAction.SHARE_REVOKE, AuditedResource.share(shareId, share.toAgency)))
                    .chain(() -> detail(share, true, now));
        });
    }

    /** The shares of one case, for its owner. */
    @WithTransaction
    public Uni<List<ShareDetail>> ofCase(Caller caller, UUID caseId) {
        Instant now = clock.instant();
        return cases.releasable(caller, caseId, AuditAction.SHARE_LIST)
                .chain(() -> shares.ofCase(caseId))
                .chain(list -> messages.ofShares(list.stream().map(s -> s.id).toList()).map(all -> list.stream()
                        .map(s -> new ShareDetail(s, List.of(), Threads.of(all.stream().filter(m -> m.shareId.equals(s.id)).toList(), now), 0))
                        .toList()))
                .call(list -> audit.allowed(caller, AuditAction.SHARE_LIST,
                        list.stream().map(d -> AuditedResource.share(d.share().id, d.share().toAgency)).toList(), null));
    }

    /** One share with every snapshot given, for its owner ("what did we give them"). */
    @WithTransaction
    public Uni<ShareDetail> read(Caller caller, UUID caseId, UUID shareId) {
        return owned(caller, caseId, shareId, AuditAction.SHARE_READ)
                .chain(share -> detail(share, true, clock.instant()))
                .call(detail -> audit.allowed(caller, AuditAction.SHARE_READ, AuditedResource.share(shareId, detail.share().toAgency)));
    }

    /** A share with its snapshots (when wanted) and its thread's state. Runs inside the caller's transaction. */
    public Uni<ShareDetail> detail(Share share, boolean withSnapshots, Instant now) {
        return snapshots.ofShare(share.id).chain(all -> messages.ofShare(share.id).map(thread -> new ShareDetail(share,
                withSnapshots ? all : List.of(), Threads.of(thread, now), all.size())));
    }

    private Uni<Share> owned(Caller caller, UUID caseId, UUID shareId, AuditAction action) {
        return shares.byId(shareId).map(share -> {
            if (share == null || !share.caseId.equals(caseId) || !access.canSeeOutgoingShare(caller, share.fromAgency)) {
                throw AccessDeniedException.hidden(caller, action, AuditedResource.share(shareId, share == null ? null : share.fromAgency),
                        share != null);
            }
            return share;
        });
    }

    private Uni<Released> retried(Caller caller, UUID caseId, Share existing) {
        if (!existing.caseId.equals(caseId) || !access.canSeeOutgoingShare(caller, existing.fromAgency)) {
            throw new ProblemException(ProblemType.CONFLICT, "Idempotency-Key " + existing.id + " was already used for another release");
        }
        return detail(existing, true, clock.instant()).map(detail -> new Released(detail, false));
    }

    private ShareSnapshot snapshot(Caller caller, Share share, Redaction profile, CaseService.Detail detail, Set<String> categories,
                                   int version, Instant now) {
        SharedCase content = redactor.release(share, profile, detail.caseFile(), detail.reports(), categories, version, now);
        ShareSnapshot snapshot = new ShareSnapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.shareId = share.id;
        snapshot.version = version;
        snapshot.content = write(content);
        snapshot.signed = signer.signSnapshot(claims(snapshot, content));
        snapshot.publishedBy = caller.subject();
        snapshot.publishedAt = now;
        return snapshot;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> claims(ShareSnapshot snapshot, SharedCase content) {
        return Map.of("iss", "borderwatch", "sub", content.shareId().toString(), "jti", snapshot.id.toString(),
                "iat", content.publishedAt().getEpochSecond(), "from", content.fromAgency(), "to", content.toAgency(),
                "version", content.version(), "handlingCode", content.handlingCode().name(),
                "content", json.convertValue(content, Map.class));
    }

    /** Only evidence items of the case's reports may be named in the profile. */
    private Uni<Void> evidenceOfCase(CaseService.Detail detail, List<UUID> named) {
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return evidence.ofReports(detail.reports().stream().map(r -> r.id).toList()).map(items -> {
            Set<UUID> ofCase = new java.util.HashSet<>();
            items.forEach(item -> ofCase.add(item.id));
            for (int i = 0; i < named.size(); i++) {
                if (!ofCase.contains(named.get(i))) {
                    throw ProblemException.invalid("redaction.evidence[" + i + "]", "is not an evidence item of this case");
                }
            }
            return null;
        });
    }

    private Uni<Void> knownPartner(String code) {
        return agencies.byCode(code).map(agency -> {
            if (agency == null) {
                throw ProblemException.invalid("toAgency", "is not a known agency: " + code);
            }
            return null;
        });
    }

    private static void check(Caller caller, ShareRequest request, Instant now) {
        if (request.toAgency().equals(caller.agency())) {
            throw ProblemException.invalid("toAgency", "must be a partner agency, not your own");
        }
        if (!request.expiresAt().toInstant().isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        if (request.handlingCode() == HandlingCode.H3 && (request.conditions() == null || request.conditions().isBlank())) {
            throw ProblemException.invalid("conditions", "must state the restrictions of an H3 release");
        }
    }

    private static void checkCovers(Instant expiresAt, Agreement agreement) {
        if (expiresAt.isAfter(agreement.validTo.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
            throw ProblemException.invalid("expiresAt", "must not be after the end of agreement " + agreement.id + " (" + agreement.validTo + ")");
        }
    }

    static boolean needsApproval(HandlingCode code, Redaction profile) {
        return code.compareTo(HandlingCode.H2) >= 0 || profile.revealsMore();
    }

    private static Set<String> categories(List<Report> reports) {
        Set<String> categories = new TreeSet<>();
        reports.forEach(r -> categories.add(r.category.name()));
        return categories;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("share content cannot be written", e);
        }
    }

    Redaction read(String profile) {
        try {
            return json.readValue(profile, Redaction.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored redaction profile is unreadable", e);
        }
    }
}
