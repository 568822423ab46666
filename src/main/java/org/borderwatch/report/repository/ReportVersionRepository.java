package org.borderwatch.report.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.borderwatch.report.ReportVersion;

@ApplicationScoped
@WithSession
public class ReportVersionRepository implements PanacheRepositoryBase<ReportVersion, ReportVersion.Key> {

    public Uni<ReportVersion> keep(ReportVersion version) {
        return persist(version);
    }

    public Uni<List<ReportVersion>> of(UUID reportId) {
        return find("reportId = :id order by version", Parameters.with("id", reportId)).list();
    }
}
