package org.borderwatch.audit.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Counts refusals of unauthenticated callers per client address and minute, in the database every replica shares. */
@ApplicationScoped
@WithSession
public class AuditRefusalRepository {

    /** Counts one refusal; answers whether it is the first of its bucket (and {@code eventId} then names its event). */
    public Uni<Boolean> count(String clientAddress, Instant minute, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into audit_refusal_bucket (client_address, minute, refusals, first_event_id) values (:address, :minute, 1, :event)"
                                + " on conflict (client_address, minute) do update set refusals = audit_refusal_bucket.refusals + 1"
                                + " returning first_event_id", UUID.class)
                .setParameter("address", clientAddress).setParameter("minute", minute.atOffset(ZoneOffset.UTC))
                .setParameter("event", eventId).getSingleResult()).map(eventId::equals);
    }

    /**
     * Buckets in [from, to), newest first, with the first refusal's request id, user agent and reason.
     * Rows: client address, minute, refusals, first event id, request id, user agent, reason.
     */
    public Uni<List<Object[]>> buckets(Instant from, Instant to, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select b.client_address, b.minute, b.refusals, b.first_event_id, e.request_id, e.user_agent, e.reason"
                                + " from audit_refusal_bucket b left join audit_event e on e.id = b.first_event_id"
                                + " where b.minute >= :from and b.minute < :to order by b.minute desc, b.client_address limit :limit", Object[].class)
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit).getResultList());
    }
}
