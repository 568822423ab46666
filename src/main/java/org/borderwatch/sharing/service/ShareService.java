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
import org.borderwatch.common.paging.Cursor;
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
import org.borderwatch.sharing.ThreadState;
import org.borderwatch.sharing.repository.AgencyRepository;
import org.borderwatch.sharing.repository.MessageRepository;
import org.borderwatch.sharing.repository.ShareRepository;
import org.borderwatch.sharing.repository.SnapshotRepository;
import org.borderwatch.sharing.rest.ShareRequest;
import org.borderwatch.vetting.service.CaseService;

/** The owner's side of sharing: release a case, approve (four-eyes), publish an update, revoke. */
@ApplicationScoped
public class ShareService {

    private static final String OUTGOING = "outgoing";

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
                    .chain(detail -> evidenceOfCase(detail, request.redaction().evidence(), true).chain(released -> {
                        Set<String> categories = categories(detail.reports());
                        return agreements.covering(caller, caller.agency(), request.toAgency(), categories, request.handlingCode(), shareId)
                                .chain(agreement -> create(caller, shareId, detail, released, categories, agreement, request, now));
                    }));
        });
    }

    private Uni<Released> create(Caller caller, UUID shareId, CaseService.Detail detail, List<SharedCase.Evidence> released,
                                 Set<String> categories, Agreement agreement,
                                 ShareRequest request, Instant now) {
        Share share = draft(caller, shareId, detail, categories, agreement, request, now);
        ShareSnapshot snapshot = snapshot(caller, share, request.redaction(), detail, released, categories, 1, now);
        return shares.add(share).chain(shares::flush)
                .chain(() -> snapshots.add(snapshot)).chain(snapshots::flush)
                .chain(() -> share.status == ShareStatus.ACTIVE ? shares.announce(share, "SHARED", now) : Uni.createFrom().voidItem())
                .chain(() -> audit.allowed(caller, AuditAction.SHARE_CREATE, recorded(share)))
                .replaceWith(new Released(new ShareDetail(share, contentFor(caller, share) ? List.of(snapshot) : List.of(), ThreadState.EMPTY, 1),
                        true));
    }

    /** The share a request makes, before anything is stored: what a release stores and what its preview redacts. */
    private Share draft(Caller caller, UUID shareId, CaseService.Detail detail, Set<String> categories, Agreement agreement,
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
        return share;
    }

    /** What the partner would see, redacted exactly as a release would be, and whether a second supervisor must approve it. */
    public record Preview(SharedCase content, boolean needsApproval) {
    }

    /**
     * A release's preview: every check a release makes (agreement, handling code, partner, evidence), then the snapshot
     * the redactor would make; nothing is stored and nothing leaves. The read of the case is recorded.
     */
    @WithTransaction
    public Uni<Preview> preview(Caller caller, UUID caseId, ShareRequest request) {
        Instant now = clock.instant();
        check(caller, request, now);
        return cases.forRelease(caller, caseId, AuditAction.SHARE_PREVIEW)
                .call(() -> knownPartner(request.toAgency()))
                .chain(detail -> evidenceOfCase(detail, request.redaction().evidence(), true).chain(released -> {
                    Set<String> categories = categories(detail.reports());
                    return agreements.covering(caller, caller.agency(), request.toAgency(), categories, request.handlingCode(), null)
                            .map(agreement -> {
                                Share share = draft(caller, UUID.randomUUID(), detail, categories, agreement, request, now);
                                return new Preview(redactor.release(share, request.redaction(), detail.caseFile(), detail.reports(),
                                        categories, released, 1, now), share.status == ShareStatus.PENDING_APPROVAL);
                            })
                            .call(() -> audit.allowed(caller, AuditAction.SHARE_PREVIEW, AuditedResource.caseFile(caseId, caller.agency())));
                }));
    }

    /** Four-eyes: a second supervisor of the owning agency approves a release held for approval. */
    @WithTransaction
    public Uni<ShareDetail> approve(Caller caller, UUID caseId, UUID shareId) {
        Instant now = clock.instant();
        return owned(caller, caseId, shareId, AuditAction.SHARE_APPROVE).chain(share -> {
            if (!access.canApproveShare(caller, share.fromAgency, share.requestedBy)) {
                throw AccessDeniedException.forbidden(caller, AuditAction.SHARE_APPROVE, recorded(share),
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
                                .chain(() -> audit.allowed(caller, AuditAction.SHARE_APPROVE, recorded(share)))
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
            Redaction profile = read(share.redaction);
            return cases.forRelease(caller, caseId, AuditAction.SHARE_PUBLISH).chain(detail -> evidenceOfCase(detail, profile.evidence(), false)
                    .chain(released -> {
                Set<String> categories = categories(detail.reports());
                return agreements.covering(caller, share.fromAgency, share.toAgency, categories, share.handlingCode, shareId)
                        .chain(() -> snapshots.count(shareId))
                        .chain(count -> {
                            ShareSnapshot snapshot = snapshot(caller, share, profile, detail, released, categories, count.intValue() + 1, now);
                            share.categories = String.join(",", categories);
                            share.updatedAt = now;
                            return snapshots.add(snapshot).chain(snapshots::flush).chain(shares::flush)
                                    .chain(() -> shares.announce(share, "UPDATED", now))
                                    .chain(() -> audit.allowed(caller, AuditAction.SHARE_PUBLISH, AuditedResource.share(shareId, share.toAgency)))
                                    .chain(() -> detail(share, true, now));
                        });
            }));
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
            // a release that was never approved is withdrawn unseen: the partner hears nothing of it
            return shares.flush()
                    .chain(() -> share.wasReleased() ? shares.announce(share, "REVOKED", now) : Uni.createFrom().voidItem())
                    .chain(() -> audit.allowed(caller, AuditAction.SHARE_REVOKE, recorded(share)))
                    .chain(() -> detail(share, contentFor(caller, share), now));
        });
    }

    /** The shares of one case, for its owner. */
    @WithTransaction
    public Uni<List<ShareDetail>> ofCase(Caller caller, UUID caseId) {
        Instant now = clock.instant();
        return cases.releasable(caller, caseId, AuditAction.SHARE_LIST)
                .chain(() -> shares.ofCase(caseId))
                .chain(list -> summaries(list, now))
                .call(list -> audit.allowed(caller, AuditAction.SHARE_LIST, list.stream().map(d -> recorded(d.share())).toList(), null));
    }

    /** A page of the shares the caller's agency made, without content; awaiting approval only when {@code pendingOnly}. */
    @WithTransaction
    public Uni<Page> outgoing(Caller caller, boolean pendingOnly, String cursor, int limit) {
        if (!access.canSeeOutgoingShare(caller, caller.agency())) {
            throw AccessDeniedException.forbidden(caller, AuditAction.SHARE_LIST, "only supervisors and liaisons see their agency's shares");
        }
        Instant now = clock.instant();
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(OUTGOING, cursor);
        return shares.outgoing(caller.agency(), pendingOnly, after, limit)
                .chain(list -> summaries(list, now))
                .call(list -> audit.allowed(caller, AuditAction.SHARE_LIST, list.stream().map(d -> recorded(d.share())).toList(), null))
                .map(items -> new Page(items, items.size() < limit ? null : Cursor.encode(OUTGOING,
                        new Cursor.TimeAndId(items.get(items.size() - 1).share().createdAt, items.get(items.size() - 1).share().id))));
    }

    public record Page(List<ShareDetail> items, String nextCursor) {
    }

    /** One share with every snapshot given, for its owner ("what did we give them"). */
    @WithTransaction
    public Uni<ShareDetail> read(Caller caller, UUID caseId, UUID shareId) {
        return owned(caller, caseId, shareId, AuditAction.SHARE_READ)
                .chain(share -> detail(share, contentFor(caller, share), clock.instant()))
                .call(detail -> audit.allowed(caller, AuditAction.SHARE_READ, recorded(detail.share())));
    }

    /** A share with its snapshots (when wanted) and its thread's state. Runs inside the caller's transaction. */
    public Uni<ShareDetail> detail(Share share, boolean withSnapshots, Instant now) {
        return snapshots.ofShare(share.id).chain(all -> messages.state(share.id, now).map(state -> new ShareDetail(share,
                withSnapshots ? all : List.of(), state, all.size())));
    }

    /** Shares without content, each with its thread's state (counted by the database, not loaded). */
    public Uni<List<ShareDetail>> summaries(List<Share> list, Instant now) {
        return messages.states(list.stream().map(s -> s.id).toList(), now).map(states -> list.stream()
                .map(s -> new ShareDetail(s, List.of(), states.getOrDefault(s.id, ThreadState.EMPTY), 0)).toList());
    }

    private Uni<Share> owned(Caller caller, UUID caseId, UUID shareId, AuditAction action) {
        return shares.byId(shareId).map(share -> {
            if (share == null || !caseId.equals(share.caseId) || !access.canSeeOutgoingShare(caller, share.fromAgency)) {
                throw AccessDeniedException.hidden(caller, action, AuditedResource.share(shareId, share == null ? null : share.fromAgency),
                        share != null);
            }
            return share;
        });
    }

    /** A retried release answers with the share it made, and that answer is a read of its content, recorded as one. */
    private Uni<Released> retried(Caller caller, UUID caseId, Share existing) {
        if (!caseId.equals(existing.caseId) || !access.canSeeOutgoingShare(caller, existing.fromAgency)) {
            throw new ProblemException(ProblemType.CONFLICT, "Idempotency-Key " + existing.id + " was already used for another release");
        }
        return detail(existing, contentFor(caller, existing), clock.instant())
                .call(() -> audit.allowed(caller, AuditAction.SHARE_READ, recorded(existing)))
                .map(detail -> new Released(detail, false));
    }

    private boolean contentFor(Caller caller, Share share) {
        return access.canSeeReleaseContent(caller, share.fromAgency, share.wasReleased());
    }

    /**
     * Share accesses are recorded against the partner too, so both agencies' auditors see them; but the partner's
     * auditors never learn of a release that was not approved.
     */
    private static AuditedResource recorded(Share share) {
        return AuditedResource.share(share.id, share.otherPartyOf(share.fromAgency));
    }

    private ShareSnapshot snapshot(Caller caller, Share share, Redaction profile, CaseService.Detail detail,
                                   List<SharedCase.Evidence> released, Set<String> categories, int version, Instant now) {
        SharedCase content = redactor.release(share, profile, detail.caseFile(), detail.reports(), categories, released, version, now);
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

    /**
     * The partner copies of the items the profile names. A release ({@code strict}) refuses an item that is not of the
     * case's reports or has no partner copy (video, documents, photos without one); an updated snapshot leaves out
     * what is no longer releasable (its report left the case), so the partner loses it.
     */
    private Uni<List<SharedCase.Evidence>> evidenceOfCase(CaseService.Detail detail, List<UUID> named, boolean strict) {
        if (named.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return evidence.releasable(detail.reports().stream().map(r -> r.id).toList()).map(ofCase -> {
            List<SharedCase.Evidence> released = new java.util.ArrayList<>();
            for (int i = 0; i < named.size(); i++) {
                EvidenceService.Releasable item = ofCase.get(named.get(i));
                String refusal = item == null ? "is not an evidence item of this case" : item.refusal();
                if (refusal != null && strict) {
                    throw ProblemException.invalid("redaction.evidence[" + i + "]", refusal);
                }
                if (refusal == null) {
                    released.add(new SharedCase.Evidence(item.item().id, item.copy().contentType, item.copy().size, item.copy().sha256,
                            item.item().capturedAt));
                }
            }
            return released;
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
            return org.borderwatch.common.validation.SafeText.storedReader(json, Redaction.class).readValue(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored redaction profile is unreadable", e);
        }
    }
}
