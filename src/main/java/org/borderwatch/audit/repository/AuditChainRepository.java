package org.borderwatch.audit.repository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.borderwatch.audit.AuditCheckpoint;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.AuditSeal;

/** The hash chain's tables: seals and signed checkpoints, and the events they cover. */
@ApplicationScoped
@WithSession
public class AuditChainRepository {

    /** Any number, as long as nothing else in the database uses it: one sealer at a time. */
    private static final long SEALER_LOCK = 7_305_001L;

    public Uni<Boolean> lockSealer() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + SEALER_LOCK + ")", Boolean.class).getSingleResult());
    }

    /** Transactions below this id have all finished; later writers get larger ids. */
    public Uni<Long> settledBelow() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class).getSingleResult());
    }

    public Uni<AuditSeal> lastSeal() {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from AuditSeal order by position desc", AuditSeal.class)
                .setMaxResults(1).getResultList()).map(seals -> seals.isEmpty() ? null : seals.get(0));
    }

    /** Events not sealed yet, in (transaction, id) order, only of finished transactions. */
    public Uni<List<AuditEvent>> unsealed(long afterTx, UUID afterId, long settledBelow, int limit) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "from AuditEvent e where (e.tx > :tx or (e.tx = :tx and e.id > :id)) and e.tx < :settled order by e.tx, e.id",
                        AuditEvent.class)
                .setParameter("tx", afterTx).setParameter("id", afterId).setParameter("settled", settledBelow)
                .setReadOnly(true).setMaxResults(limit).getResultList());
    }

    /** Inserts the seals in large JDBC batches: the sealer writes thousands at a time. */
    public Uni<Void> seal(List<AuditSeal> seals) {
        return Panache.getSession().chain(session -> session.setBatchSize(500).persistAll(seals.toArray()));
    }

    public Uni<List<AuditSeal>> seals(long from, long to) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from AuditSeal where position between :from and :to order by position", AuditSeal.class)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    public Uni<AuditSeal> sealAt(long position) {
        return Panache.getSession().chain(session -> session.find(AuditSeal.class, position));
    }

    public Uni<List<AuditEvent>> events(List<UUID> ids) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from AuditEvent where id in :ids", AuditEvent.class).setParameter("ids", ids).getResultList());
    }

    public Uni<AuditCheckpoint> lastCheckpoint() {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from AuditCheckpoint order by number desc", AuditCheckpoint.class)
                .setMaxResults(1).getResultList()).map(list -> list.isEmpty() ? null : list.get(0));
    }

    public Uni<List<AuditCheckpoint>> checkpoints(long afterNumber, int limit) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from AuditCheckpoint where number > :after order by number", AuditCheckpoint.class)
                .setParameter("after", afterNumber).setMaxResults(limit).getResultList());
    }

    public Uni<Void> addCheckpoint(AuditCheckpoint checkpoint) {
        return Panache.getSession().chain(session -> session.persist(checkpoint));
    }
}
