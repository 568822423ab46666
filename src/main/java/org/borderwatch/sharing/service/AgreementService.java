package org.borderwatch.sharing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;
import org.borderwatch.security.Roles;
import org.borderwatch.sharing.Agreement;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.repository.AgencyRepository;
import org.borderwatch.sharing.repository.AgreementRepository;
import org.borderwatch.sharing.rest.AgreementRequest;

/** Sharing agreements: recorded by admins, read by either party, and the test every release must pass. */
@ApplicationScoped
public class AgreementService {

    private static final String KIND = "agreement";

    private final AgreementRepository agreements;
    private final AgencyRepository agencies;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final Clock clock;

    public AgreementService(AgreementRepository agreements, AgencyRepository agencies, AgencyAccess access, AuditRecorder audit, Clock clock) {
        this.agreements = agreements;
        this.agencies = agencies;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public record Page(List<Agreement> items, String nextCursor) {
    }

    @WithTransaction
    public Uni<Upserted<Agreement>> put(Caller caller, UUID id, Integer expectedVersion, AgreementRequest request) {
        check(request);
        return known("from", request.from()).chain(() -> known("to", request.to())).chain(() -> agreements.byId(id)).chain(existing -> {
            boolean created = existing == null;
            for (String releasing : created ? java.util.List.of(request.from()) : java.util.List.of(existing.fromAgency, request.from())) {
                if (!access.canManageAgreement(caller, releasing)) {
                    throw AccessDeniedException.forbidden(caller, AuditAction.AGREEMENT_UPDATE, AuditedResource.agreement(id, releasing),
                            "only an admin of " + releasing + " (the releasing agency) or the platform operator changes its agreements");
                }
            }
            Upserted.checkVersion("Agreement " + id, created ? null : existing.version, expectedVersion);
            Agreement agreement = created ? new Agreement() : existing;
            agreement.id = id;
            agreement.fromAgency = request.from();
            agreement.toAgency = request.to();
            agreement.categories = request.categories().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
            agreement.maxHandlingCode = request.maxHandlingCode();
            agreement.validFrom = request.validFrom();
            agreement.validTo = request.validTo();
            agreement.reference = request.reference();
            agreement.updatedAt = clock.instant();
            if (created) {
                agreement.createdBy = caller.subject();
                agreement.createdAt = agreement.updatedAt;
            }
            return (created ? agreements.add(agreement).replaceWithVoid() : Uni.createFrom().voidItem())
                    .chain(agreements::flush)
                    .chain(() -> audit.allowed(caller, AuditAction.AGREEMENT_UPDATE, bothParties(agreement), null))
                    .replaceWith(new Upserted<>(agreement, created));
        });
    }

    @WithTransaction
    public Uni<Agreement> read(Caller caller, UUID id) {
        return agreements.byId(id).map(agreement -> {
            if (agreement == null || !access.canReadAgreement(caller, agreement.fromAgency, agreement.toAgency)) {
                throw AccessDeniedException.hidden(caller, AuditAction.AGREEMENT_READ,
                        AuditedResource.agreement(id, agreement == null ? null : agreement.fromAgency), agreement != null);
            }
            return agreement;
        }).call(agreement -> audit.allowed(caller, AuditAction.AGREEMENT_READ, bothParties(agreement), null));
    }

    /** Admins see every agreement; supervisors and liaisons those their agency is party to. */
    @WithTransaction
    public Uni<Page> list(Caller caller, String cursor, int limit) {
        UUID afterId = cursor == null ? null : parseId(Cursor.decode(KIND, cursor, 1)[0]);
        return agreements.page(caller.has(Roles.ADMIN) || caller.has(Roles.OPERATOR) ? null : caller.agency(), afterId, limit)
                .map(items -> new Page(items, items.size() < limit ? null : Cursor.encode(KIND, items.get(items.size() - 1).id)));
    }

    /**
     * The agreement under which a case of these categories may be released from one agency to another at this
     * handling code today; otherwise a 403 that names the rule that failed.
     */
    public Uni<Agreement> covering(Caller caller, String from, String to, Set<String> categories, HandlingCode code, UUID shareId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return agreements.between(from, to).map(candidates -> {
            if (candidates.isEmpty()) {
                throw refused(caller, shareId, to, "no sharing agreement from " + from + " to " + to);
            }
            String failed = null;
            for (Agreement agreement : candidates) {
                String rule = firstFailedRule(agreement, categories, code, today);
                if (rule == null) {
                    return agreement;
                }
                failed = failed == null ? rule : failed;
            }
            throw refused(caller, shareId, to, failed);
        });
    }

    private static String firstFailedRule(Agreement agreement, Set<String> categories, HandlingCode code, LocalDate today) {
        if (!agreement.inForceOn(today)) {
            return "agreement " + agreement.id + " is in force from " + agreement.validFrom + " to " + agreement.validTo + ", not on " + today;
        }
        Set<String> uncovered = new TreeSet<>(categories);
        uncovered.removeAll(agreement.categorySet());
        if (!uncovered.isEmpty()) {
            return "agreement " + agreement.id + " does not cover categor" + (uncovered.size() == 1 ? "y " : "ies ") + String.join(", ", uncovered);
        }
        if (!code.within(agreement.maxHandlingCode)) {
            return "agreement " + agreement.id + " allows handling codes up to " + agreement.maxHandlingCode + ", not " + code;
        }
        return null;
    }

    private static AccessDeniedException refused(Caller caller, UUID shareId, String to, String rule) {
        return AccessDeniedException.forbidden(caller, AuditAction.SHARE_CREATE, AuditedResource.share(shareId, to), rule);
    }

    private Uni<Void> known(String field, String code) {
        return agencies.byCode(code).map(agency -> {
            if (agency == null) {
                throw ProblemException.invalid(field, "is not a known agency: " + code);
            }
            return null;
        });
    }

    private static void check(AgreementRequest request) {
        if (request.from().equals(request.to())) {
            throw ProblemException.invalid("to", "must be another agency than from");
        }
        if (request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        if (new HashSet<>(request.categories()).size() != request.categories().size()) {
            throw ProblemException.invalid("categories", "must not name a category twice");
        }
    }

    private static List<AuditedResource> bothParties(Agreement agreement) {
        return List.of(AuditedResource.agreement(agreement.id, agreement.fromAgency), AuditedResource.agreement(agreement.id, agreement.toAgency));
    }

    private static UUID parseId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }
}
