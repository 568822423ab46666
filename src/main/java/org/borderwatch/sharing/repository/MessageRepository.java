package org.borderwatch.sharing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.sharing.ShareMessage;
import org.borderwatch.sharing.ThreadState;

@ApplicationScoped
@WithSession
public class MessageRepository implements PanacheRepositoryBase<ShareMessage, UUID> {

    public Uni<ShareMessage> add(ShareMessage message) {
        return persist(message);
    }

    public Uni<ShareMessage> byId(UUID id) {
        return findById(id);
    }

    /** A page of a share's thread, oldest first, after the given position. */
    public Uni<List<ShareMessage>> page(UUID shareId, Cursor.TimeAndId after, int limit) {
        return (after == null
                ? find("shareId = ?1 order by createdAt, id", shareId)
                : find("shareId = ?1 and (createdAt > ?2 or createdAt = ?2 and id > ?3) order by createdAt, id", shareId, after.time(), after.id()))
                .range(0, limit - 1).list();
    }

    /** Which of these requests for information have a response. */
    public Uni<Set<UUID>> answered(List<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                        "select distinct answers from share_message where answers in (:ids)", UUID.class)
                .setParameter("ids", requestIds).getResultList()).map(Set::copyOf);
    }

    /** Open and overdue requests for information of each share (at most a page of shares), counted by the database. */
    public Uni<Map<UUID, ThreadState>> states(List<UUID> shareIds, Instant now) {
        if (shareIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                        "select q.share_id, count(*), count(*) filter (where q.due_at < :now) from share_message q "
                                + "where q.share_id in (:ids) and q.kind = 'REQUEST_FOR_INFORMATION' "
                                + "and not exists (select 1 from share_message a where a.answers = q.id) group by q.share_id", Object[].class)
                .setParameter("ids", shareIds).setParameter("now", now.atOffset(ZoneOffset.UTC)).getResultList())
                .map(rows -> {
                    Map<UUID, ThreadState> states = new HashMap<>();
                    rows.forEach(row -> states.put((UUID) row[0], new ThreadState(((Number) row[1]).intValue(), ((Number) row[2]).intValue())));
                    return states;
                });
    }

    public Uni<ThreadState> state(UUID shareId, Instant now) {
        return states(List.of(shareId), now).map(states -> states.getOrDefault(shareId, ThreadState.EMPTY));
    }
}
