package org.borderwatch.vetting.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.report.Report;
import org.borderwatch.report.service.ReportService;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;
import org.borderwatch.vetting.CaseFile;
import org.borderwatch.vetting.CaseStatus;
import org.borderwatch.vetting.repository.CaseRepository;
import org.borderwatch.vetting.rest.CaseRequest;
import org.borderwatch.vetting.rest.CaseUpdate;

/** Cases: supervisors group verified reports of their agency about the same incident. */
@ApplicationScoped
public class CaseService {

    private static final String KIND = "case";

    private final CaseRepository cases;
    private final ReportService reports;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final Clock clock;

    public CaseService(CaseRepository cases, ReportService reports, AgencyAccess access, AuditRecorder audit, Clock clock) {
        this.cases = cases;
        this.reports = reports;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A case with its reports. */
    public record Detail(CaseFile caseFile, List<Report> reports) {
    }

    public record Page(List<CaseFile> items, Map<UUID, SortedSet<String>> categories, String nextCursor) {
    }

    @WithTransaction
    public Uni<Detail> open(Caller caller, CaseRequest request) {
        if (new HashSet<>(request.reportIds()).size() != request.reportIds().size()) {
            throw ProblemException.invalid("reportIds", "must not name a report twice");
        }
        CaseFile caseFile = new CaseFile();
        caseFile.id = UUID.randomUUID();
        caseFile.agency = caller.agency();
        caseFile.title = request.title();
        caseFile.summary = request.summary();
        caseFile.impact = request.impact();
        caseFile.status = CaseStatus.OPEN;
        caseFile.assignedTo = request.assignedTo();
        caseFile.createdBy = caller.subject();
        caseFile.createdAt = clock.instant();
        caseFile.updatedAt = caseFile.createdAt;
        return reports.forCase(caller, request.reportIds(), caseFile.id)
                .chain(members -> cases.add(caseFile).chain(() -> cases.flush())
                        .chain(() -> reports.assignCase(members, caseFile.id))
                        .chain(() -> audit.allowed(caller, AuditAction.CASE_CREATE, resource(caseFile)))
                        .replaceWith(new Detail(caseFile, members))
                        .call(detail -> recordReportReads(caller, detail)));
    }

    @WithTransaction
    public Uni<Detail> read(Caller caller, UUID id) {
        return managed(caller, id, AuditAction.CASE_READ)
                .chain(caseFile -> reports.ofCase(id).map(members -> new Detail(caseFile, members)))
                .call(detail -> audit.allowed(caller, AuditAction.CASE_READ, resource(detail.caseFile())))
                .call(detail -> recordReportReads(caller, detail));
    }

    /** Every answer that carries a case carries its reports' content: each is a read of that report, recorded as one. */
    private Uni<Void> recordReportReads(Caller caller, Detail detail) {
        return audit.allowed(caller, AuditAction.REPORT_READ,
                detail.reports().stream().map(r -> AuditedResource.report(r.id, r.agency)).toList(), null);
    }

    @WithTransaction
    public Uni<Page> list(Caller caller, CaseStatus status, String assignedTo, String cursor, int limit) {
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(KIND, cursor);
        return cases.ofAgency(caller.agency(), status, assignedTo, after, limit)
                .call(items -> audit.allowed(caller, AuditAction.CASE_LIST, items.stream().map(CaseService::resource).toList(), null))
                .chain(items -> reports.categoriesOfCases(items.stream().map(c -> c.id).toList())
                        .map(categories -> new Page(items, categories, items.size() < limit ? null
                                : Cursor.encode(KIND, new Cursor.TimeAndId(items.get(items.size() - 1).createdAt, items.get(items.size() - 1).id)))));
    }

    @WithTransaction
    public Uni<Detail> update(Caller caller, UUID id, int expectedVersion, CaseUpdate update) {
        if (update.isEmpty()) {
            throw ProblemException.invalid("body", "must change at least one of title, summary, impact, status, assignedTo");
        }
        return current(caller, id, expectedVersion).chain(caseFile -> {
            if (update.title() != null) {
                caseFile.title = update.title();
            }
            if (update.summary() != null) {
                caseFile.summary = update.summary();
            }
            if (update.impact() != null) {
                caseFile.impact = update.impact();
            }
            if (update.status() != null) {
                caseFile.status = update.status();
            }
            if (update.assignedTo() != null) {
                caseFile.assignedTo = update.assignedTo();
            }
            return saved(caller, caseFile);
        });
    }

    @WithTransaction
    public Uni<Detail> addReport(Caller caller, UUID id, int expectedVersion, UUID reportId) {
        return openForChange(caller, id, expectedVersion).chain(caseFile -> reports.forCase(caller, List.of(reportId), id)
                .chain(members -> reports.assignCase(members, id))
                .chain(() -> saved(caller, caseFile)));
    }

    @WithTransaction
    public Uni<Detail> removeReport(Caller caller, UUID id, int expectedVersion, UUID reportId) {
        return openForChange(caller, id, expectedVersion).chain(caseFile -> reports.ofCase(id).chain(members -> {
            Report member = members.stream().filter(r -> r.id.equals(reportId)).findFirst()
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Report " + reportId + " is not in case " + id));
            if (members.size() == 1) {
                throw new ProblemException(ProblemType.CONFLICT, "A case keeps at least one report; close the case instead");
            }
            return reports.assignCase(List.of(member), null).chain(() -> saved(caller, caseFile));
        }));
    }

    /**
     * A case its agency may release to a partner, for the caller (supervisor or liaison of the owning agency);
     * another agency's case is 404. Runs inside the sharing transaction, which records the access.
     */
    public Uni<CaseFile> releasable(Caller caller, UUID id, AuditAction action) {
        return cases.byId(id).map(caseFile -> {
            if (caseFile == null || !access.canReleaseCase(caller, caseFile.agency)) {
                throw AccessDeniedException.hidden(caller, action,
                        AuditedResource.caseFile(id, caseFile == null ? null : caseFile.agency), caseFile != null);
            }
            return caseFile;
        });
    }

    /** A releasable case with its reports, as the redactor needs it. */
    public Uni<Detail> forRelease(Caller caller, UUID id, AuditAction action) {
        return releasable(caller, id, action).chain(caseFile -> reports.ofCase(id).map(members -> new Detail(caseFile, members)));
    }

    private Uni<CaseFile> openForChange(Caller caller, UUID id, int expectedVersion) {
        return current(caller, id, expectedVersion).map(caseFile -> {
            if (caseFile.status != CaseStatus.OPEN) {
                throw new ProblemException(ProblemType.CONFLICT, "Case " + id + " is CLOSED; reopen it to change its reports");
            }
            return caseFile;
        });
    }

    private Uni<CaseFile> current(Caller caller, UUID id, int expectedVersion) {
        return managed(caller, id, AuditAction.CASE_UPDATE).map(caseFile -> {
            if (caseFile.version != expectedVersion) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "Case " + id + " is at version " + caseFile.version + ", not " + expectedVersion);
            }
            return caseFile;
        });
    }

    private Uni<Detail> saved(Caller caller, CaseFile caseFile) {
        caseFile.updatedAt = clock.instant();
        return cases.flush()
                .chain(() -> audit.allowed(caller, AuditAction.CASE_UPDATE, resource(caseFile)))
                .chain(() -> reports.ofCase(caseFile.id))
                .map(members -> new Detail(caseFile, members))
                .call(detail -> recordReportReads(caller, detail));
    }

    private Uni<CaseFile> managed(Caller caller, UUID id, AuditAction action) {
        return cases.byId(id).map(caseFile -> {
            if (caseFile == null || !access.canManageCase(caller, caseFile.agency)) {
                throw AccessDeniedException.hidden(caller, action,
                        AuditedResource.caseFile(id, caseFile == null ? null : caseFile.agency), caseFile != null);
            }
            return caseFile;
        });
    }

    private static AuditedResource resource(CaseFile caseFile) {
        return AuditedResource.caseFile(caseFile.id, caseFile.agency);
    }
}
