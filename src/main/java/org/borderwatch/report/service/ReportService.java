package org.borderwatch.report.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.report.Report;
import org.borderwatch.report.ReportContent;
import org.borderwatch.report.ReportEvent;
import org.borderwatch.report.ReportHistoryEntry;
import org.borderwatch.report.ReportStatus;
import org.borderwatch.report.ReportVersion;
import org.borderwatch.report.repository.ReportRepository;
import org.borderwatch.report.repository.ReportHistoryRepository;
import org.borderwatch.report.repository.ReportVersionRepository;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;

/** Filing, amending and reading single field reports. Every access is recorded in the same transaction. */
@ApplicationScoped
public class ReportService {

    private final ReportRepository reports;
    private final ReportVersionRepository versions;
    private final ReportHistoryRepository history;
    private final ReportEvents events;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final ReportCodec codec;
    private final Clock clock;

    public ReportService(ReportRepository reports, ReportVersionRepository versions, ReportHistoryRepository history,
                         ReportEvents events, AgencyAccess access, AuditRecorder audit, ReportCodec codec, Clock clock) {
        this.reports = reports;
        this.events = events;
        this.history = history;
        this.versions = versions;
        this.access = access;
        this.audit = audit;
        this.codec = codec;
        this.clock = clock;
    }

    /** The outcome of filing: the stored report and whether this request created it. */
    public record Filed(Report report, boolean created) {
    }

    /** A report with its superseded versions, oldest first. */
    public record History(Report current, List<ReportVersion> earlier) {
    }

    /** A filing whose id exists already: a retry of the same content (recorded, 200), or a conflict. */
    @WithTransaction
    public Uni<Filed> recognise(Caller caller, Report report) {
        return reports.byId(report.id).chain(existing -> retried(caller, existing, report.originHash));
    }

    private Uni<Filed> retried(Caller caller, Report existing, String originHash) {
        if (!access.canFileReport(caller, existing.agency, existing.reporter)) {
            throw AccessDeniedException.hidden(caller, AuditAction.REPORT_CREATE, resource(existing), true);
        }
        if (!existing.originHash.equals(originHash)) {
            throw new ProblemException(ProblemType.CONFLICT, "Report " + existing.id
                    + " was already filed with different content; send If-Match with its ETag to amend it");
        }
        return audit.allowed(caller, AuditAction.REPORT_CREATE, resource(existing)).replaceWith(new Filed(existing, false));
    }

    /** Amends a report still open to amendment; the version it replaces is kept. */
    @WithTransaction
    public Uni<Report> amend(Caller caller, UUID id, ReportContent content, int expectedVersion) {
        return reports.byId(id).chain(report -> {
            if (report == null || !access.canFileReport(caller, report.agency, report.reporter)) {
                throw AccessDeniedException.hidden(caller, AuditAction.REPORT_AMEND, reportResource(id, report), report != null);
            }
            if (report.version != expectedVersion) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "Report " + id + " is at version " + report.version + ", not " + expectedVersion);
            }
            if (!report.status.amendable()) {
                throw new ProblemException(ProblemType.CONFLICT,
                        "Report " + id + " is " + report.status + " and can no longer be amended");
            }
            ReportVersion superseded = supersede(report, caller);
            ReportStatus before = report.status;
            apply(report, content);
            report.updatedAt = superseded.validTo;
            report.status = before.afterAmendment();
            report.question = null;
            ReportHistoryEntry.Kind kind = before == ReportStatus.NEEDS_INFO ? ReportHistoryEntry.Kind.ANSWERED : ReportHistoryEntry.Kind.AMENDED;
            return versions.keep(superseded)
                    .chain(() -> reports.flush())
                    .chain(() -> history.append(entry(report, kind, caller, before, null)))
                    .chain(() -> audit.allowed(caller, AuditAction.REPORT_AMEND, List.of(resource(report)), content.deviceId()))
                    .replaceWith(report);
        });
    }

    /** A supervisor's decision, already checked against the transition table: status, grading and history change together. */
    @WithTransaction
    public Uni<Report> decide(Caller caller, UUID id, int expectedVersion, DecisionRule rule) {
        return visible(caller, id, AuditAction.REPORT_DECIDE).chain(report -> {
            if (report.reporter.equals(caller.subject())) {
                throw AccessDeniedException.forbidden(caller, AuditAction.REPORT_DECIDE, resource(report),
                        "a supervisor cannot decide on a report they filed");
            }
            if (report.version != expectedVersion) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "Report " + id + " is at version " + report.version + ", not " + expectedVersion);
            }
            ReportStatus before = report.status;
            ReportHistoryEntry.Kind kind = rule.apply(report);
            report.decidedBy = caller.subject();
            report.updatedAt = clock.instant();
            ReportHistoryEntry made = entry(report, kind, caller, before, rule.note());
            return reports.flush()
                    .invoke(() -> made.version = report.version)
                    .chain(() -> history.append(made))
                    .chain(() -> reports.announce(ReportEvents.CHANNEL, events.payload(made, report.reporter)))
                    .chain(() -> audit.allowed(caller, AuditAction.REPORT_DECIDE, resource(report)))
                    .replaceWith(report);
        });
    }

    /** What a decision does to a report; returns the kind of history entry it makes. */
    public interface DecisionRule {
        ReportHistoryEntry.Kind apply(Report report);

        String note();
    }

    /** Decisions on the caller's reports after the event they last saw, for a reconnecting live stream. */
    @WithTransaction
    public Uni<List<ReportEvent>> eventsAfter(Caller caller, UUID lastEventId) {
        return history.decisionsAfter(caller.subject(), lastEventId, 500)
                .map(entries -> entries.stream().map(entry -> ReportEvent.of(entry, caller.subject())).toList());
    }

    /** One decision or question on the caller's report, as its live stream sends it; null when it is not the caller's. */
    @WithTransaction
    public Uni<ReportEvent> event(Caller caller, UUID entryId) {
        return history.decisionOf(caller.subject(), entryId).map(entry -> entry == null ? null : ReportEvent.of(entry, caller.subject()));
    }

    /** An officer's app opened the live stream of decisions on its reports. */
    @WithTransaction
    public Uni<Void> recordSubscription(Caller caller) {
        return audit.allowed(caller, AuditAction.REPORT_EVENTS_SUBSCRIBE, new AuditedResource("REPORT_EVENTS", caller.subject(), caller.agency()));
    }

    @WithTransaction
    public Uni<Timeline> timeline(Caller caller, UUID id) {
        return visible(caller, id, AuditAction.REPORT_HISTORY_READ)
                .chain(report -> history.of(id).map(entries -> new Timeline(report, entries)))
                .call(timeline -> audit.allowed(caller, AuditAction.REPORT_HISTORY_READ, resource(timeline.report())));
    }

    /** A report with its history of decisions, questions and answers, oldest first. */
    public record Timeline(Report report, List<ReportHistoryEntry> entries) {
    }

    /**
     * The reports a supervisor puts into a case: visible to them, VERIFIED, and in no other case.
     * Runs inside the case's transaction.
     */
    public Uni<List<Report>> forCase(Caller caller, List<UUID> ids, UUID caseId) {
        return reports.byIds(ids).map(found -> {
            java.util.Map<UUID, Report> byId = new java.util.HashMap<>();
            found.forEach(report -> byId.put(report.id, report));
            for (UUID id : ids) {
                Report report = byId.get(id);
                if (report == null || !access.canReadReport(caller, report.agency, report.reporter)) {
                    throw AccessDeniedException.hidden(caller, AuditAction.CASE_UPDATE, reportResource(id, report), report != null);
                }
                if (report.status != ReportStatus.VERIFIED) {
                    throw new ProblemException(ProblemType.CONFLICT, "Report " + id + " is " + report.status
                            + "; only VERIFIED reports go into a case");
                }
                if (report.caseId != null && !report.caseId.equals(caseId)) {
                    throw new ProblemException(ProblemType.CONFLICT, "Report " + id + " already belongs to case " + report.caseId);
                }
            }
            return ids.stream().map(byId::get).toList();
        });
    }

    /** Puts reports into a case, or takes them out (caseId null). */
    public Uni<Void> assignCase(List<Report> members, UUID caseId) {
        members.forEach(report -> {
            report.caseId = caseId;
            report.updatedAt = clock.instant();
        });
        return reports.flush();
    }

    public Uni<List<Report>> ofCase(UUID caseId) {
        return reports.ofCase(caseId);
    }

    public Uni<java.util.Map<UUID, java.util.SortedSet<String>>> categoriesOfCases(java.util.Collection<UUID> caseIds) {
        return reports.categoriesOfCases(caseIds);
    }

    /** A related report and why it is thought to be related. */
    public record Related(Report report, ReportRepository.Relation relation) {
    }

    /** Reports of the same agency that probably concern the same incident or network, most related first. */
    @WithTransaction
    public Uni<List<Related>> related(Caller caller, UUID id, double meters, java.time.Duration window, int limit) {
        return visible(caller, id, AuditAction.REPORT_READ)
                .chain(report -> reports.related(id, meters, window.toSeconds()))
                .map(relations -> relations.stream()
                        .sorted(java.util.Comparator.comparingInt(ReportRepository.Relation::score).reversed()
                                .thenComparingDouble(ReportRepository.Relation::hours))
                        .limit(limit).toList())
                .chain(relations -> reports.byIds(relations.stream().map(ReportRepository.Relation::id).toList())
                        .map(found -> {
                            java.util.Map<UUID, Report> byId = new java.util.HashMap<>();
                            found.forEach(r -> byId.put(r.id, r));
                            return relations.stream().map(relation -> new Related(byId.get(relation.id()), relation)).toList();
                        }))
                .call(related -> audit.allowed(caller, AuditAction.REPORT_LIST,
                        related.stream().map(r -> resource(r.report())).toList(), null));
    }

    /** Counts of the caller's agency's reports grouped by one SQL expression (chosen by the caller of this method, never by the client). */
    /** Counts per map cell (no content: positions only as cell means), for the supervisors' map. */
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    public Uni<List<Object[]>> cells(Caller caller, String category, double cell, java.time.Instant from, java.time.Instant to) {
        return reports.cells(caller.agency(), category, cell, from, to);
    }

    @WithTransaction
    public Uni<List<Object[]>> counts(Caller caller, String groupExpression, java.time.Instant from, java.time.Instant to) {
        return reports.countBy(caller.agency(), groupExpression, from, to);
    }

    @WithTransaction
    public Uni<Report> read(Caller caller, UUID id) {
        return visible(caller, id, AuditAction.REPORT_READ)
                .call(report -> audit.allowed(caller, AuditAction.REPORT_READ, resource(report)));
    }

    @WithTransaction
    public Uni<History> history(Caller caller, UUID id) {
        return visible(caller, id, AuditAction.REPORT_VERSIONS_READ)
                .chain(report -> versions.of(id).map(earlier -> new History(report, earlier)))
                .call(history -> audit.allowed(caller, AuditAction.REPORT_VERSIONS_READ, resource(history.current())));
    }

    /** A report the caller may see (its officer, its agency's supervisors), for work on its evidence; 404 otherwise. */
    public Uni<Report> visibleForEvidence(Caller caller, UUID id, AuditAction action) {
        return visible(caller, id, action);
    }

    /** A report by id without an access decision, for features that decide access themselves (may be null). */
    public Uni<Report> find(UUID id) {
        return reports.byId(id);
    }

    private Uni<Report> visible(Caller caller, UUID id, AuditAction action) {
        return reports.byId(id).map(report -> {
            if (report == null || !access.canReadReport(caller, report.agency, report.reporter)) {
                throw AccessDeniedException.hidden(caller, action, reportResource(id, report), report != null);
            }
            return report;
        });
    }

    /** A new report as the caller files it, not yet stored. */
    Report newReport(Caller caller, UUID id, ReportContent content) {
        Report report = new Report();
        report.id = id;
        report.agency = caller.agency();
        report.reporter = caller.subject();
        report.status = ReportStatus.SUBMITTED;
        report.version = 1;
        report.receivedAt = clock.instant();
        report.updatedAt = report.receivedAt;
        apply(report, content);
        report.originHash = ReportCodec.sha256(report.content);
        return report;
    }

    private void apply(Report report, ReportContent content) {
        report.content = codec.toJson(content);
        report.category = content.category();
        report.occurredAt = content.occurredAt().toInstant();
        report.lat = content.location().lat();
        report.lon = content.location().lon();
        report.accuracyMeters = content.location().accuracyMeters();
        report.borderGate = content.borderGate();
        report.borderMarker = content.borderMarker();
        report.impact = content.impact();
        report.deviceId = content.deviceId();
        report.narrative = content.narrative() == null ? null : content.narrative().text();
    }

    private ReportVersion supersede(Report report, Caller caller) {
        ReportVersion version = new ReportVersion();
        version.reportId = report.id;
        version.version = report.version;
        version.content = report.content;
        version.status = report.status;
        version.validFrom = report.updatedAt;
        version.validTo = clock.instant();
        version.amendedBy = caller.subject();
        return version;
    }

    private ReportHistoryEntry entry(Report report, ReportHistoryEntry.Kind kind, Caller caller, ReportStatus before, String note) {
        ReportHistoryEntry entry = new ReportHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.reportId = report.id;
        entry.version = report.version;
        entry.kind = kind;
        entry.actor = caller.subject();
        entry.at = report.updatedAt;
        entry.fromStatus = before;
        entry.toStatus = report.status;
        entry.note = note;
        entry.gradingSource = kind == ReportHistoryEntry.Kind.VERIFIED ? report.gradingSource : null;
        entry.gradingInformation = kind == ReportHistoryEntry.Kind.VERIFIED ? report.gradingInformation : null;
        entry.impact = kind == ReportHistoryEntry.Kind.VERIFIED ? report.impact : null;
        return entry;
    }

    static AuditedResource resource(Report report) {
        return AuditedResource.report(report.id, report.agency);
    }

    private static AuditedResource reportResource(UUID id, Report report) {
        return AuditedResource.report(id, report == null ? null : report.agency);
    }
}
