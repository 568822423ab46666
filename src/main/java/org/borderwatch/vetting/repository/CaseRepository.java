package org.borderwatch.vetting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.vetting.CaseFile;
import org.borderwatch.vetting.CaseStatus;

@ApplicationScoped
@WithSession
public class CaseRepository implements PanacheRepositoryBase<CaseFile, UUID> {

    public Uni<CaseFile> byId(UUID id) {
        return findById(id);
    }

    public Uni<CaseFile> add(CaseFile caseFile) {
        return persist(caseFile);
    }

    /** An agency's cases, newest first. */
    public Uni<List<CaseFile>> ofAgency(String agency, CaseStatus status, String assignedTo, Cursor.TimeAndId after, int limit) {
        List<String> where = new ArrayList<>(List.of("agency = :agency"));
        Parameters params = Parameters.with("agency", agency);
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (assignedTo != null) {
            where.add("assignedTo = :assignedTo");
            params.and("assignedTo", assignedTo);
        }
        if (after != null) {
            where.add("(createdAt < :afterTime or (createdAt = :afterTime and id < :afterId))");
            params.and("afterTime", after.time()).and("afterId", after.id());
        }
        return find(String.join(" and ", where) + " order by createdAt desc, id desc", params).range(0, limit - 1).list();
    }
}
