package org.borderwatch.evidence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.borderwatch.evidence.Evidence;

@ApplicationScoped
@WithSession
public class EvidenceRepository implements PanacheRepositoryBase<Evidence, UUID> {

    public Uni<Evidence> byId(UUID id) {
        return findById(id);
    }

    public Uni<Evidence> add(Evidence evidence) {
        return persist(evidence);
    }

    public Uni<List<Evidence>> ofReport(UUID reportId) {
        return list("reportId = ?1 order by createdAt, id", reportId);
    }

    public Uni<List<Evidence>> ofReports(Collection<UUID> reportIds) {
        return reportIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("reportId in ?1 order by createdAt, id", reportIds);
    }

    /** Count and total size of a report's evidence. */
    public Uni<Object[]> totals(UUID reportId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select count(e), coalesce(sum(e.size), 0) from Evidence e where e.reportId = :report", Object[].class)
                .setParameter("report", reportId).getSingleResult());
    }
}
