package org.borderwatch.sharing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.borderwatch.sharing.Agency;

@ApplicationScoped
@WithSession
public class AgencyRepository implements PanacheRepositoryBase<Agency, String> {

    public Uni<List<String>> codes() {
        return getSession().chain(session -> session.createSelectionQuery("select a.code from Agency a", String.class).getResultList());
    }

    public Uni<Agency> byCode(String code) {
        return findById(code);
    }

    public Uni<List<Agency>> all() {
        return listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    public Uni<Agency> add(Agency agency) {
        return persist(agency);
    }
}
