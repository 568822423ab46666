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

    public Uni<ReportHistoryEntry> append(ReportHistoryEntry entry) {
        return persist(entry);
    }

    public Uni<List<ReportHistoryEntry>> of(UUID reportId) {
        return find("reportId = :id order by at, id", Parameters.with("id", reportId)).list();
    }
}
