package org.borderwatch.sharing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.borderwatch.sharing.Agreement;

@ApplicationScoped
@WithSession
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    public Uni<Agreement> byId(UUID id) {
        return findById(id);
    }

    public Uni<Agreement> add(Agreement agreement) {
        return persist(agreement);
    }

    /** Agreements an agency is party to (every agreement when agency is null), ordered by id for cursor paging. */
    public Uni<List<Agreement>> page(String agency, UUID after, int limit) {
        String where = agency == null ? "1 = 1" : "(fromAgency = :agency or toAgency = :agency)";
        Parameters params = agency == null ? new Parameters() : Parameters.with("agency", agency);
        if (after != null) {
            where += " and id > :after";
            params.and("after", after);
        }
        return find(where + " order by id", params).range(0, limit - 1).list();
    }

    public Uni<List<Agreement>> between(String from, String to) {
        return list("fromAgency = ?1 and toAgency = ?2 order by validTo desc", from, to);
    }

    public Uni<List<Agreement>> byIds(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}
