package org.borderwatch.evidence.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditQueryService;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.evidence.Evidence;
import org.borderwatch.evidence.PartnerCopy;
import org.borderwatch.evidence.repository.EvidenceRepository;
import org.borderwatch.evidence.repository.PartnerCopyRepository;
import org.borderwatch.report.Report;
import org.borderwatch.report.service.ReportService;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;
import org.borderwatch.sharing.service.InboxService;

/** Evidence items: who may see them (the report's readers, and partners it was released to), and their custody. */
@ApplicationScoped
public class EvidenceService {

    private final EvidenceRepository evidence;
    private final PartnerCopyRepository copies;
    private final ReportService reports;
    private final InboxService inbox;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final AuditQueryService trail;

    public EvidenceService(EvidenceRepository evidence, PartnerCopyRepository copies, ReportService reports, InboxService inbox, AgencyAccess access,
                           AuditRecorder audit, AuditQueryService trail) {
        this.evidence = evidence;
        this.copies = copies;
        this.reports = reports;
        this.inbox = inbox;
        this.access = access;
        this.audit = audit;
        this.trail = trail;
    }

    /**
     * What a caller may read of an item: the owner's readers get the original; a liaison of an agency it was released
     * to gets the partner copy (never the original), with the position only when the release gave the exact location.
     */
    public record Access(Evidence item, PartnerCopy copy, boolean exactLocation) {

        public boolean partner() {
            return copy != null;
        }

        public long size() {
            return partner() ? copy.size : item.size;
        }

        public String sha256() {
            return partner() ? copy.sha256 : item.sha256;
        }

        /** Where the served bytes are. */
        public UUID bytes() {
            return partner() ? copy.copyUploadId : item.uploadId;
        }
    }

    /** An evidence item with its partner copy (null when it has none), for what a release may include. */
    public record Releasable(Evidence item, PartnerCopy copy) {

        /** Why it cannot be released to a partner, or null when it can. */
        public String refusal() {
            if (!FileTypes.isImage(item.contentType)) {
                return "is a " + item.contentType + " file: embedded metadata of video containers and documents cannot be removed "
                        + "reliably, so only photos are released to partners";
            }
            return copy == null ? "has no partner copy without embedded metadata (" + item.contentType + " is not supported, or it was "
                    + "uploaded before partner copies were made), so it cannot be released" : null;
        }
    }

    /** An item the caller may read, recorded under the given action (download or metadata read). */
    @WithTransaction
    public Uni<Access> read(Caller caller, UUID id, AuditAction action) {
        return read(caller, id, action, item -> { });
    }

    /** As {@link #read(Caller, UUID, AuditAction)}, refusing (by throwing from {@code check}) before anything is recorded as read. */
    @WithTransaction
    public Uni<Access> read(Caller caller, UUID id, AuditAction action, java.util.function.Consumer<Access> check) {
        return evidence.byId(id).chain(item -> {
            if (item == null) {
                throw AccessDeniedException.hidden(caller, action, AuditedResource.evidence(id, null), false);
            }
            return access(caller, item).map(allowed -> {
                if (allowed == null) {
                    throw AccessDeniedException.hidden(caller, action, AuditedResource.evidence(id, item.agency), true);
                }
                check.accept(allowed);
                return allowed;
            });
        })
                .call(allowed -> audit.allowed(caller, action, AuditedResource.evidence(id, allowed.item().agency)));
    }

    /** The chain of custody of an item and the partner copy made of it (null when none was). */
    public record Custody(AuditQueryService.Page page, PartnerCopy copy) {
    }

    /** The chain of custody: every upload, download and metadata read of the item, oldest first. */
    @WithTransaction
    public Uni<Custody> custody(Caller caller, UUID id, String cursor, int limit) {
        return evidence.byId(id).map(item -> {
            if (item == null || !access.canReadCustody(caller, item.agency)) {
                throw AccessDeniedException.hidden(caller, AuditAction.EVIDENCE_CUSTODY_READ,
                        AuditedResource.evidence(id, item == null ? null : item.agency), item != null);
            }
            return item;
        }).call(item -> audit.allowed(caller, AuditAction.EVIDENCE_CUSTODY_READ, AuditedResource.evidence(id, item.agency)))
                .chain(item -> trail.trail("EVIDENCE", id.toString(), cursor, limit))
                .chain(page -> copies.of(id).map(copy -> new Custody(page, copy)));
    }

    /** A report's evidence as shown with the report (whose read was already allowed); each item shown is a recorded metadata read. */
    @WithTransaction
    public Uni<List<Evidence>> shownWith(Caller caller, Report report) {
        return evidence.ofReport(report.id).call(items -> audit.allowed(caller, AuditAction.EVIDENCE_METADATA_READ,
                items.stream().map(e -> AuditedResource.evidence(e.id, e.agency)).toList(), null));
    }

    /** The evidence items of some reports with their partner copies, by id (for checking what a release may include). */
    public Uni<java.util.Map<UUID, Releasable>> releasable(Collection<UUID> reportIds) {
        return evidence.ofReports(reportIds).chain(items -> copies.of(items.stream().map(e -> e.id).toList()).map(found -> {
            java.util.Map<UUID, PartnerCopy> byItem = new java.util.HashMap<>();
            found.forEach(copy -> byItem.put(copy.evidenceId, copy));
            java.util.Map<UUID, Releasable> result = new java.util.LinkedHashMap<>();
            items.forEach(item -> result.put(item.id, new Releasable(item, byItem.get(item.id))));
            return result;
        }));
    }

    /** The owner's readers get the original; a partner what the share's current release gives; anyone else nothing (null). */
    private Uni<Access> access(Caller caller, Evidence item) {
        return reports.find(item.reportId).chain(report -> {
            if (access.canReadReport(caller, report.agency, report.reporter)) {
                return Uni.createFrom().item(new Access(item, null, true));
            }
            return inbox.releasesEvidence(caller, item.id, report.caseId).chain(release -> release == InboxService.EvidenceRelease.NONE
                    ? Uni.createFrom().nullItem()
                    : copies.of(item.id).map(copy -> copy == null ? null
                            : new Access(item, copy, release == InboxService.EvidenceRelease.WITH_EXACT_LOCATION)));
        });
    }
}
