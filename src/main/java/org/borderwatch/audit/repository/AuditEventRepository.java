package org.borderwatch.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** Newest first; {@code after} is the (time, id) of the last event of the previous page. */
    public Uni<List<AuditEvent>> search(AuditEventFilter filter, String visibleToAgency, Cursor.TimeAndId after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("(agency = :own or resourceAgency = :own)");
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

    private static void addIf(List<String> where, Parameters params, Object value, String clause, String name) {
        if (value != null) {
            where.add(clause);
            params.and(name, value);
        }
    }
}
