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
import org.borderwatch.evidence.repository.EvidenceRepository;
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
    private final ReportService reports;
    private final InboxService inbox;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final AuditQueryService trail;

    public EvidenceService(EvidenceRepository evidence, ReportService reports, InboxService inbox, AgencyAccess access,
                           AuditRecorder audit, AuditQueryService trail) {
        this.evidence = evidence;
        this.reports = reports;
        this.inbox = inbox;
        this.access = access;
        this.audit = audit;
        this.trail = trail;
    }

    /** An item the caller may read, recorded under the given action (download or metadata read). */
    @WithTransaction
    public Uni<Evidence> read(Caller caller, UUID id, AuditAction action) {
        return read(caller, id, action, item -> { });
    }

    /** As {@link #read(Caller, UUID, AuditAction)}, refusing (by throwing from {@code check}) before anything is recorded as read. */
    @WithTransaction
    public Uni<Evidence> read(Caller caller, UUID id, AuditAction action, java.util.function.Consumer<Evidence> check) {
        return evidence.byId(id).chain(item -> {
            if (item == null) {
                throw AccessDeniedException.hidden(caller, action, AuditedResource.evidence(id, null), false);
            }
            return mayRead(caller, item).map(allowed -> {
                if (!allowed) {
                    throw AccessDeniedException.hidden(caller, action, AuditedResource.evidence(id, item.agency), true);
                }
                check.accept(item);
                return item;
            });
        })
                .call(item -> audit.allowed(caller, action, AuditedResource.evidence(id, item.agency)));
    }

    /** The chain of custody: every upload, download and metadata read of the item, oldest first. */
    @WithTransaction
    public Uni<AuditQueryService.Page> custody(Caller caller, UUID id, String cursor, int limit) {
        return evidence.byId(id).map(item -> {
            if (item == null || !access.canReadCustody(caller, item.agency)) {
                throw AccessDeniedException.hidden(caller, AuditAction.EVIDENCE_CUSTODY_READ,
                        AuditedResource.evidence(id, item == null ? null : item.agency), item != null);
            }
            return item;
        }).call(item -> audit.allowed(caller, AuditAction.EVIDENCE_CUSTODY_READ, AuditedResource.evidence(id, item.agency)))
                .chain(item -> trail.trail("EVIDENCE", id.toString(), cursor, limit));
    }

    /** A report's evidence as shown with the report (whose read was already allowed); each item shown is a recorded metadata read. */
    @WithTransaction
    public Uni<List<Evidence>> shownWith(Caller caller, Report report) {
        return evidence.ofReport(report.id).call(items -> audit.allowed(caller, AuditAction.EVIDENCE_METADATA_READ,
                items.stream().map(e -> AuditedResource.evidence(e.id, e.agency)).toList(), null));
    }

    /** The evidence items of some reports (for checking what a release may include). */
    public Uni<List<Evidence>> ofReports(Collection<UUID> reportIds) {
        return evidence.ofReports(reportIds);
    }

    private Uni<Boolean> mayRead(Caller caller, Evidence item) {
        return reports.find(item.reportId).chain(report -> access.canReadReport(caller, report.agency, report.reporter)
                ? Uni.createFrom().item(true) : inbox.releasesEvidence(caller, item.id));
    }
}
