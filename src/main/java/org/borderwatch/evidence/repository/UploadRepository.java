package org.borderwatch.evidence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.borderwatch.evidence.EvidenceUpload;
import org.borderwatch.evidence.UploadStatus;

@ApplicationScoped
@WithSession
public class UploadRepository implements PanacheRepositoryBase<EvidenceUpload, UUID> {

    public Uni<EvidenceUpload> byId(UUID id) {
        return findById(id);
    }

    public Uni<EvidenceUpload> add(EvidenceUpload upload) {
        return persist(upload);
    }

    /** Uploads still in progress for a report: they count against its limits. */
    public Uni<Object[]> inProgress(UUID reportId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select count(u), coalesce(sum(u.length), 0) from EvidenceUpload u where u.reportId = :report and u.status = :uploading",
                        Object[].class)
                .setParameter("report", reportId).setParameter("uploading", UploadStatus.UPLOADING).getSingleResult());
    }
}
