package org.borderwatch.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.audit.AuditEventFilter;

@ApplicationScoped
@WithSession
public class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    public Uni<Void> append(List<AuditEvent> events) {
        return persist(events.stream());
    }

    /**
     * Newest first; {@code after} is the (time, id) of the last event of the previous page. An auditor sees the events by
     * or about its agency, and those that belong to no agency (the installation's own: a partner installation's reads
     * and refusals, a witness's contradiction, unauthenticated refusals).
     */
    public Uni<List<AuditEvent>> search(AuditEventFilter filter, String visibleToAgency, Cursor.TimeAndId after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("(agency = :own or resourceAgency = :own or agency is null and resourceAgency is null)");
        params.and("own", visibleToAgency);
        addIf(where, params, filter.actor(), "subject = :actor", "actor");
        addIf(where, params, filter.agency(), "agency = :agency", "agency");
        addIf(where, params, filter.action(), "action = :action", "action");
        addIf(where, params, filter.resourceType(), "resourceType = :resourceType", "resourceType");
        addIf(where, params, filter.resourceId(), "resourceId = :resourceId", "resourceId");
        addIf(where, params, filter.outcome(), "outcome = :outcome", "outcome");
        addIf(where, params, filter.from(), "occurredAt >= :from", "from");
        addIf(where, params, filter.to(), "occurredAt < :to", "to");
        if (after != null) {
            where.add("(occurredAt < :afterTime or (occurredAt = :afterTime and id < :afterId))");
            params.and("afterTime", after.time()).and("afterId", after.id());
        }
        return find(String.join(" and ", where) + " order by occurredAt desc, id desc", params).range(0, limit - 1).list();
    }

    /** Every event about one resource, oldest first. */
    public Uni<List<AuditEvent>> trail(String type, String id, Cursor.TimeAndId after, int limit) {
        String where = "resourceType = ?1 and resourceId = ?2";
        if (after == null) {
            return find(where + " order by occurredAt, id", type, id).range(0, limit - 1).list();
        }
        return find(where + " and (occurredAt > ?3 or (occurredAt = ?3 and id > ?4)) order by occurredAt, id", type, id, after.time(), after.id())
                .range(0, limit - 1).list();
    }

    /** Actors with refused attempts in [from, to), most refusals first. Rows: subject, agency, count, last time. */
    public Uni<List<Object[]>> deniedActors(String agency, Instant from, Instant to) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select e.subject, e.agency, count(e), max(e.occurredAt) from AuditEvent e"
                                + " where e.outcome = DENIED and (e.agency = :own or e.resourceAgency = :own)"
                                + " and e.occurredAt >= :from and e.occurredAt < :to"
                                + " group by e.subject, e.agency order by count(e) desc", Object[].class)
                .setParameter("own", agency).setParameter("from", from).setParameter("to", to).setMaxResults(200).getResultList());
    }

    /** Actors who read more than {@code threshold} times within one hour. Rows: subject, agency, count, hour. */
    public Uni<List<Object[]>> heavyReaders(String agency, Instant from, Instant to, long threshold) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select subject, agency, count(*), date_trunc('hour', occurred_at) as hour from audit_event"
                                + " where outcome = 'ALLOWED' and action in ('REPORT_READ', 'REPORT_LIST', 'REPORT_SYNC', 'CASE_READ', 'CASE_LIST')"
                                + " and (agency = :own or resource_agency = :own) and occurred_at >= :from and occurred_at < :to"
                                + " group by 1, 2, 4 having count(*) > :threshold order by 3 desc limit 200", Object[].class)
                .setParameter("own", agency).setParameter("from", from.atOffset(java.time.ZoneOffset.UTC))
                .setParameter("to", to.atOffset(java.time.ZoneOffset.UTC)).setParameter("threshold", threshold).getResultList());
    }

    private static void addIf(List<String> where, Parameters params, Object value, String clause, String name) {
        if (value != null) {
            where.add(clause);
            params.and(name, value);
        }
    }
}
