package org.borderwatch.evidence.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.borderwatch.evidence.PartnerCopy;

@ApplicationScoped
@WithSession
public class PartnerCopyRepository implements PanacheRepositoryBase<PartnerCopy, UUID> {

    public Uni<PartnerCopy> of(UUID evidenceId) {
        return findById(evidenceId);
    }

    public Uni<List<PartnerCopy>> of(Collection<UUID> evidenceIds) {
        return evidenceIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("evidenceId in ?1", evidenceIds);
    }

    public Uni<PartnerCopy> add(PartnerCopy copy) {
        return persist(copy);
    }
}
