package org.borderwatch.report.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.borderwatch.report.ReportHistoryEntry;

@ApplicationScoped
@WithSession
public class ReportHistoryRepository implements PanacheRepositoryBase<ReportHistoryEntry, UUID> {

    private static final List<ReportHistoryEntry.Kind> DECISIONS = List.of(ReportHistoryEntry.Kind.VERIFIED,
            ReportHistoryEntry.Kind.REJECTED, ReportHistoryEntry.Kind.INFO_REQUESTED);

    public Uni<ReportHistoryEntry> append(ReportHistoryEntry entry) {
        return persist(entry);
    }

    /** Decisions on a reporter's reports made after the given entry, oldest first (for Last-Event-ID). */
    public Uni<List<ReportHistoryEntry>> decisionsAfter(String reporter, UUID entryId, int limit) {
        return find("select h from ReportHistoryEntry h, Report r, ReportHistoryEntry last"
                + " where r.id = h.reportId and r.reporter = :reporter and last.id = :entry and h.kind in :kinds"
                + " and (h.at > last.at or (h.at = last.at and h.id > last.id)) order by h.at, h.id",
                Parameters.with("reporter", reporter).and("entry", entryId).and("kinds", DECISIONS))
                .range(0, limit - 1).list();
    }

    /** A decision or question on one of the reporter's reports, or null. */
    public Uni<ReportHistoryEntry> decisionOf(String reporter, UUID entryId) {
        return find("select h from ReportHistoryEntry h, Report r where h.id = :entry and r.id = h.reportId and r.reporter = :reporter"
                + " and h.kind in :kinds", Parameters.with("entry", entryId).and("reporter", reporter).and("kinds", DECISIONS)).firstResult();
    }

    public Uni<List<ReportHistoryEntry>> of(UUID reportId) {
        return find("reportId = :id order by at, id", Parameters.with("id", reportId)).list();
    }
}
