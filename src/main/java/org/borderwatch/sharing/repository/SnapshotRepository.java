package org.borderwatch.sharing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.borderwatch.sharing.ShareSnapshot;

@ApplicationScoped
@WithSession
public class SnapshotRepository implements PanacheRepositoryBase<ShareSnapshot, UUID> {

    public Uni<ShareSnapshot> add(ShareSnapshot snapshot) {
        return persist(snapshot);
    }

    public Uni<List<ShareSnapshot>> ofShare(UUID shareId) {
        return list("shareId = ?1 order by version", shareId);
    }

    public Uni<ShareSnapshot> version(UUID shareId, int version) {
        return find("shareId = ?1 and version = ?2", shareId, version).firstResult();
    }

    public Uni<Long> count(UUID shareId) {
        return count("shareId", shareId);
    }
}
