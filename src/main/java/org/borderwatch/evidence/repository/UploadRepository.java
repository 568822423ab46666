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

    /** Completes an upload only if it is still open; 0 when another request or the reclaimer decided first. */
    public Uni<Integer> closeIfOpen(UUID id) {
        return update("status = ?1 where id = ?2 and status = ?3", UploadStatus.COMPLETE, id, UploadStatus.UPLOADING);
    }

    /** Gives up an upload that is still open (a partner copy no one will use): the reclaimer takes its bytes on its next pass. */
    public Uni<Integer> abandonIfOpen(UUID id, java.time.Instant now) {
        return update("status = ?1, expiresAt = ?2 where id = ?3 and status = ?4", UploadStatus.ABANDONED, now, id, UploadStatus.UPLOADING);
    }

    /** Marks a lapsed unfinished upload EXPIRED and answers the status it had; null when it is finished or not lapsed. */
    public Uni<UploadStatus> expireIfLapsed(UUID id, java.time.Instant now) {
        return getSession().chain(session -> session.createNativeQuery(
                        "with old as (select id, status from evidence_upload where id = :id for update), "
                                + "done as (update evidence_upload u set status = 'EXPIRED' from old where u.id = old.id "
                                + "and old.status not in ('COMPLETE', 'EXPIRED') and u.expires_at <= :now returning old.status) "
                                + "select status from done",
                        String.class)
                .setParameter("id", id).setParameter("now", now.atOffset(java.time.ZoneOffset.UTC)).getResultList())
                .map(rows -> rows.isEmpty() ? null : UploadStatus.valueOf(rows.get(0)));
    }
}
