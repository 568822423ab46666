package org.borderwatch.sharing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.ShareStatus;

@ApplicationScoped
@WithSession
public class ShareRepository implements PanacheRepositoryBase<Share, UUID> {

    public static final String EVENTS_CHANNEL = "borderwatch_share_events";

    public Uni<Share> byId(UUID id) {
        return findById(id);
    }

    public Uni<Share> add(Share share) {
        return persist(share);
    }

    public Uni<List<Share>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt desc, id desc", caseId);
    }

    /** What the inbox filters on; status is the status as of now (a share past its expiry counts as EXPIRED). */
    public record InboxFilter(ShareStatus status, String category, HandlingCode handlingCode, boolean overdueOnly) {
    }

    /** Shares released to an agency (never those that were not approved), newest first. */
    public Uni<List<Share>> inbox(String agency, InboxFilter filter, Cursor.TimeAndId after, Instant now, int limit) {
        List<String> where = new ArrayList<>(List.of("s.toAgency = :agency", "s.approvedAt is not null"));
        Parameters params = Parameters.with("agency", agency);
        if (filter.status() == ShareStatus.ACTIVE) {
            where.add("s.status = :active and s.expiresAt > :now");
            params.and("active", ShareStatus.ACTIVE);
        } else if (filter.status() == ShareStatus.EXPIRED) {
            where.add("(s.status = :expired or s.status = :active and s.expiresAt <= :now)");
            params.and("expired", ShareStatus.EXPIRED).and("active", ShareStatus.ACTIVE);
        } else if (filter.status() != null) {
            where.add("s.status = :status");
            params.and("status", filter.status());
        }
        if (filter.category() != null) {
            where.add("concat(',', s.categories, ',') like :category");
            params.and("category", "%," + filter.category() + ",%");
        }
        if (filter.handlingCode() != null) {
            where.add("s.handlingCode = :code");
            params.and("code", filter.handlingCode());
        }
        if (filter.overdueOnly()) {
            where.add("exists (select 1 from ShareMessage q where q.shareId = s.id and q.kind = :request "
                    + "and q.dueAt < :now and not exists (select 1 from ShareMessage a where a.answers = q.id))");
            params.and("request", org.borderwatch.sharing.MessageKind.REQUEST_FOR_INFORMATION);
        }
        if (after != null) {
            where.add("(s.createdAt < :afterTime or s.createdAt = :afterTime and s.id < :afterId)");
            params.and("afterTime", after.time()).and("afterId", after.id());
        }
        String query = "from Share s where " + String.join(" and ", where) + " order by s.createdAt desc, s.id desc";
        if (query.contains(":now")) {
            params.and("now", now);
        }
        return find(query, params).range(0, limit - 1).list();
    }

    /** Shares an agency made, newest first; only those awaiting a second supervisor when {@code pendingOnly}. */
    public Uni<List<Share>> outgoing(String agency, boolean pendingOnly, Cursor.TimeAndId after, int limit) {
        List<String> where = new ArrayList<>(List.of("s.fromAgency = :agency"));
        Parameters params = Parameters.with("agency", agency);
        if (pendingOnly) {
            where.add("s.status = :pending");
            params.and("pending", ShareStatus.PENDING_APPROVAL);
        }
        if (after != null) {
            where.add("(s.createdAt < :afterTime or s.createdAt = :afterTime and s.id < :afterId)");
            params.and("afterTime", after.time()).and("afterId", after.id());
        }
        return find("from Share s where " + String.join(" and ", where) + " order by s.createdAt desc, s.id desc", params)
                .range(0, limit - 1).list();
    }

    /**
     * Whether a live, approved share of a case to an agency releases an evidence item in its latest snapshot: null when
     * none does, else whether one of them releases the exact location.
     */
    public Uni<Boolean> releasingEvidence(String agency, UUID evidenceId, UUID caseId, Instant now) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select bool_or(cast(s.redaction ->> 'exactLocation' as boolean)) from case_share s "
                                + "where s.to_agency = :agency and s.case_id = :case and s.status = 'ACTIVE' and s.approved_at is not null "
                                + "and s.expires_at > :now and exists (select 1 from share_snapshot v where v.share_id = s.id "
                                + "and v.version = (select max(w.version) from share_snapshot w where w.share_id = s.id) "
                                + "and v.content -> 'evidence' @> jsonb_build_array(jsonb_build_object('id', cast(:evidence as text))))", Boolean.class)
                .setParameter("agency", agency).setParameter("case", caseId).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("evidence", evidenceId.toString()).getSingleResult());
    }

    /** Shares whose expiry has passed but are not yet marked, locked so that one replica marks each. */
    public Uni<List<Share>> lapsed(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select id from case_share where status in ('PENDING_APPROVAL', 'ACTIVE') and expires_at <= :now "
                                + "order by expires_at limit :limit for update skip locked", UUID.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("limit", limit).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Share>of()) : list("id in ?1", ids));
    }

    /** Records an inbox event and announces it to every replica when (and only if) the transaction commits. */
    public Uni<Void> announce(Share share, String kind, Instant at) {
        return getSession().chain(session -> session.createNativeQuery(
                        "with e as (insert into share_event (share_id, from_agency, to_agency, kind, occurred_at) "
                                + "values (:share, :from, :to, :kind, :at) returning seq, share_id, from_agency, to_agency, kind, occurred_at) "
                                + "select cast(pg_notify(:channel, json_build_object('seq', e.seq, 'shareId', e.share_id, 'fromAgency', e.from_agency, "
                                + "'toAgency', e.to_agency, 'kind', e.kind, 'occurredAt', e.occurred_at)::text) as text) from e")
                .setParameter("share", share.id).setParameter("from", share.fromAgency).setParameter("to", share.toAgency)
                .setParameter("kind", kind).setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("channel", EVENTS_CHANNEL)
                .getSingleResult()).replaceWithVoid();
    }

    /**
     * Inbox events after a sequence number for an agency, on either side of the share, oldest first; a recipient never
     * gets the events of a share that was not approved (rows written before that rule included).
     */
    public Uni<List<Object[]>> eventsAfter(String agency, long seq, int limit) {
        return events("e.seq > :from", seq, agency, limit);
    }

    /** The agency's events that happened at or after a time, oldest first. */
    public Uni<List<Object[]>> eventsSince(String agency, java.time.Instant since, int limit) {
        return events("e.occurred_at >= :from", since.atOffset(java.time.ZoneOffset.UTC), agency, limit);
    }

    private Uni<List<Object[]>> events(String from, Object value, String agency, int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select e.seq, e.share_id, e.from_agency, e.to_agency, e.kind, e.occurred_at from share_event e "
                                + "where " + from + " and (e.from_agency = :agency or e.to_agency = :agency and exists "
                                + "(select 1 from case_share s where s.id = e.share_id and s.approved_at is not null)) order by e.seq limit :limit",
                        Object[].class)
                .setParameter("from", value).setParameter("agency", agency).setParameter("limit", limit).getResultList());
    }
}
