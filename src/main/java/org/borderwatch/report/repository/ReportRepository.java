package org.borderwatch.report.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.report.Report;
import org.borderwatch.report.ReportFilter;

@ApplicationScoped
@WithSession
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /** Sends a NOTIFY that PostgreSQL delivers to every listener when (and only if) this transaction commits. */
    public Uni<Void> announce(String channel, String payload) {
        return getSession().chain(session -> session.createNativeQuery("select cast(pg_notify(:channel, :payload) as text)")
                .setParameter("channel", channel).setParameter("payload", payload).getSingleResult()).replaceWithVoid();
    }

    /** One report of the same agency that probably concerns the same incident or network, and why. */
    public record Relation(UUID id, boolean samePlate, boolean sameMarker, boolean nearby, double meters, double hours) {
        public int score() {
            return (samePlate ? 4 : 0) + (sameMarker ? 2 : 0) + (nearby ? 1 : 0);
        }
    }

    private static final String RELATED = """
            with me as (select * from report where id = :id),
            candidates as (
                select r.id from report r, me
                where r.agency = me.agency and cardinality(me.plates) > 0 and r.plates && me.plates
                union
                select r.id from report r, me
                where r.agency = me.agency and r.border_marker = me.border_marker
                union
                select r.id from report r, me
                where r.agency = me.agency and r.category = me.category
                  and r.occurred_at between me.occurred_at - make_interval(secs => :window) and me.occurred_at + make_interval(secs => :window)),
            near as (
                select r.id, r.plates && me.plates as same_plate,
                       coalesce(r.border_marker = me.border_marker, false) as same_marker,
                       r.category = me.category as same_category,
                       6371000 * 2 * asin(sqrt(power(sin(radians(r.lat - me.lat) / 2), 2)
                           + cos(radians(me.lat)) * cos(radians(r.lat)) * power(sin(radians(r.lon - me.lon) / 2), 2))) as meters,
                       abs(extract(epoch from r.occurred_at - me.occurred_at)) / 3600 as hours
                from candidates c join report r on r.id = c.id, me
                where r.id <> me.id)
            select id, same_plate, same_marker, (same_category and meters <= :meters and hours * 3600 <= :window) as nearby,
                   meters, hours
            from near
            where same_plate or same_marker or (same_category and meters <= :meters and hours * 3600 <= :window)
            """;

    /** Reports related to one report, by plate, border marker, or category within a distance and time window. */
    public Uni<List<Relation>> related(UUID id, double meters, long windowSeconds) {
        return getSession().chain(session -> session.createNativeQuery(RELATED, Object[].class)
                .setParameter("id", id).setParameter("meters", meters).setParameter("window", (double) windowSeconds)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Relation((UUID) row[0], (Boolean) row[1], (Boolean) row[2], (Boolean) row[3],
                        ((Number) row[4]).doubleValue(), ((Number) row[5]).doubleValue())).toList());
    }

    /** Counts of an agency's reports by a grouping expression, for dashboards. */
    public Uni<List<Object[]>> countBy(String agency, String groupExpression, java.time.Instant from, java.time.Instant to) {
        String sql = "select " + groupExpression + " as key, count(*) from report where agency = :agency"
                + " and occurred_at >= :from and occurred_at < :to group by 1 order by 2 desc, 1";
        return getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("agency", agency)
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC))
                .getResultList());
    }

    /**
     * An agency's reports in a time window counted per grid cell of {@code cell} degrees, with the cell's mean position:
     * every report is in exactly one cell, so the clusters' counts add up to the window's total.
     */
    public Uni<List<Object[]>> cells(String agency, String category, double cell, java.time.Instant from, java.time.Instant to) {
        String sql = "select floor(lat / :cell) as y, floor(lon / :cell) as x, count(*), avg(lat), avg(lon) from report"
                + " where agency = :agency and occurred_at >= :from and occurred_at < :to"
                + (category == null ? "" : " and category = :category") + " group by 1, 2 order by 3 desc limit 2000";
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter("agency", agency).setParameter("cell", cell)
                    .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC));
            return (category == null ? query : query.setParameter("category", category)).getResultList();
        });
    }

    public Uni<Report> byId(UUID id) {
        return findById(id);
    }

    public Uni<List<Report>> byIds(java.util.Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    public Uni<List<Report>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, id", caseId);
    }

    /** The categories of the reports in each of the cases, for listing cases without loading their reports. */
    public Uni<java.util.Map<UUID, java.util.SortedSet<String>>> categoriesOfCases(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return getSession().chain(session -> session.createSelectionQuery(
                        "select distinct r.caseId, r.category from Report r where r.caseId in :ids", Object[].class)
                .setParameter("ids", caseIds).getResultList())
                .map(rows -> {
                    java.util.Map<UUID, java.util.SortedSet<String>> result = new java.util.HashMap<>();
                    for (Object[] row : rows) {
                        result.computeIfAbsent((UUID) row[0], key -> new java.util.TreeSet<>()).add(String.valueOf(row[1]));
                    }
                    return result;
                });
    }

    /**
     * The changes feed position below which nothing can change any more: the oldest transaction still
     * running. Every transaction with a smaller id has finished, and any later writer gets a larger id.
     */
    public Uni<Long> settledBelow() {
        return getSession().chain(session -> session
                .createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class)
                .getSingleResult());
    }

    /**
     * Reports that changed after (xid, seq), in feed order, limited to those written by transactions
     * below {@code settledBelow}. Rows are ordered by the id of the transaction that last wrote them;
     * since a transaction that is still running is never passed, one that commits late cannot land
     * behind a cursor a client already holds.
     */
    public Uni<List<Report>> changedAfter(String agency, String reporter, long afterXid, long afterSeq, long settledBelow, int limit) {
        String scope = reporter == null ? "agency = :agency" : "agency = :agency and reporter = :reporter";
        Parameters params = Parameters.with("agency", agency).and("afterXid", afterXid).and("afterSeq", afterSeq)
                .and("settled", settledBelow);
        if (reporter != null) {
            params.and("reporter", reporter);
        }
        return find(scope + " and (changeXid > :afterXid or (changeXid = :afterXid and changeSeq > :afterSeq))"
                + " and changeXid < :settled order by changeXid, changeSeq", params)
                .range(0, limit - 1).list();
    }

    /** An agency's reports in received order; {@code after} is the last (receivedAt, id) already shown. */
    public Uni<List<Report>> ofAgency(String agency, ReportFilter filter, Cursor.TimeAndId after, int limit) {
        List<String> where = new ArrayList<>(List.of("agency = :agency"));
        Parameters params = Parameters.with("agency", agency);
        addIf(where, params, filter.status(), "status = :status", "status");
        addIf(where, params, filter.category(), "category = :category", "category");
        addIf(where, params, filter.impact(), "impact = :impact", "impact");
        addIf(where, params, filter.borderGate(), "borderGate = :gate", "gate");
        addIf(where, params, filter.from(), "occurredAt >= :from", "from");
        addIf(where, params, filter.to(), "occurredAt < :to", "to");
        if (filter.text() != null) {
            where.add("narrative ilike :text escape '\\'");
            params.and("text", "%" + filter.text()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.box() != null) {
            where.add("lon between :minLon and :maxLon and lat between :minLat and :maxLat");
            params.and("minLon", filter.box()[0]).and("minLat", filter.box()[1]).and("maxLon", filter.box()[2]).and("maxLat", filter.box()[3]);
        }
        String direction = filter.oldestFirst() ? "asc" : "desc";
        if (after != null) {
            String beyond = filter.oldestFirst() ? ">" : "<";
            where.add("(receivedAt " + beyond + " :afterTime or (receivedAt = :afterTime and id " + beyond + " :afterId))");
            params.and("afterTime", after.time()).and("afterId", after.id());
        }
        return find(String.join(" and ", where) + " order by receivedAt " + direction + ", id " + direction, params)
                .range(0, limit - 1).list();
    }

    private static void addIf(List<String> where, Parameters params, Object value, String clause, String name) {
        if (value != null) {
            where.add(clause);
            params.and(name, value);
        }
    }
}
