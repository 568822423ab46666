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

    /** The partners whose federation agreement carries a local sharing agreement. */
    public Uni<List<FederationPartner>> carrying(UUID agreement) {
        return list("concat(',', agreements, ',') like ?1 order by installation", "%," + agreement + ",%");
    }

    /** The partner presenting a certificate, by its SHA-256 (lower-case hex); none when two partners pin the same one. */
    public Uni<FederationPartner> byCertificate(String sha256) {
        return find("certificateSha256", sha256).range(0, 1).list().map(found -> found.size() == 1 ? found.get(0) : null);
    }

    public Uni<List<FederationPartner>> all() {
        return list("order by installation");
    }

    public Uni<FederationPartner> add(FederationPartner partner) {
        return persist(partner);
    }

    /** Partners in id order, after the given id. */
    public Uni<List<FederationPartner>> page(UUID after, int limit) {
        return (after == null ? find("order by id") : find("id > ?1 order by id", after)).range(0, limit - 1).list();
    }
}
