package org.borderwatch.sharing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.borderwatch.sharing.ShareMessage;

@ApplicationScoped
@WithSession
public class MessageRepository implements PanacheRepositoryBase<ShareMessage, UUID> {

    public Uni<ShareMessage> add(ShareMessage message) {
        return persist(message);
    }

    public Uni<ShareMessage> byId(UUID id) {
        return findById(id);
    }

    /** A share's thread, oldest first. */
    public Uni<List<ShareMessage>> ofShare(UUID shareId) {
        return list("shareId = ?1 order by createdAt, id", shareId);
    }

    /** The threads of several shares, for counting open and overdue requests. */
    public Uni<List<ShareMessage>> ofShares(List<UUID> shareIds) {
        return shareIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("shareId in ?1", shareIds);
    }
}
