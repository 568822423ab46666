package org.borderwatch.federation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.borderwatch.federation.FederationPartner;

@ApplicationScoped
@WithSession
public class FederationPartnerRepository implements PanacheRepositoryBase<FederationPartner, UUID> {

    public Uni<FederationPartner> byId(UUID id) {
        return findById(id);
    }

    public Uni<FederationPartner> byInstallation(String installation) {
        return find("installation", installation).firstResult();
    }

    public Uni<FederationPartner> add(FederationPartner partner) {
        return persist(partner);
    }

    /** Partners in id order, after the given id. */
    public Uni<List<FederationPartner>> page(UUID after, int limit) {
        return (after == null ? find("order by id") : find("id > ?1 order by id", after)).range(0, limit - 1).list();
    }
}
