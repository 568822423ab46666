package org.borderwatch.sharing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;
import org.borderwatch.sharing.Agency;
import org.borderwatch.sharing.repository.AgencyRepository;
import org.borderwatch.sharing.rest.AgencyRequest;

/** The agencies that file and receive cases; admins add and rename them. */
@ApplicationScoped
public class AgencyService {

    private final AgencyRepository agencies;
    private final AgencyDirectory directory;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final Clock clock;

    public AgencyService(AgencyRepository agencies, AgencyDirectory directory, AgencyAccess access, AuditRecorder audit, Clock clock) {
        this.access = access;
        this.agencies = agencies;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Upserted<Agency>> put(Caller caller, String code, Integer expectedVersion, AgencyRequest request) {
        if (!code.startsWith(request.country() + "-")) {
            throw ProblemException.invalid("country", "must be the first two letters of the agency code " + code);
        }
        return agencies.byCode(code).chain(existing -> {
            boolean created = existing == null;
            if (!access.canChangeAgency(caller, code, !created)) {
                throw AccessDeniedException.forbidden(caller, AuditAction.AGENCY_UPDATE, AuditedResource.agency(code), created
                        ? "only the platform operator adds an agency" : "an agency's names are changed by its own admins");
            }
            Upserted.checkVersion("Agency " + code, created ? null : existing.version, expectedVersion);
            Agency agency = created ? new Agency() : existing;
            agency.code = code;
            agency.country = request.country();
            agency.nameEn = request.nameEn();
            agency.nameVi = request.nameVi();
            agency.nameZh = request.nameZh();
            agency.updatedAt = clock.instant();
            return (created ? agencies.add(agency).replaceWithVoid() : Uni.createFrom().voidItem())
                    .chain(agencies::flush)
                    .chain(() -> audit.allowed(caller, AuditAction.AGENCY_UPDATE, AuditedResource.agency(code)))
                    .invoke(directory::forget)
                    .replaceWith(new Upserted<>(agency, created));
        });
    }

    @WithTransaction
    public Uni<List<Agency>> all() {
        return agencies.all();
    }

    @WithTransaction
    public Uni<Agency> one(String code) {
        return agencies.byCode(code).map(agency -> {
            if (agency == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "No such agency: " + code);
            }
            return agency;
        });
    }
}
