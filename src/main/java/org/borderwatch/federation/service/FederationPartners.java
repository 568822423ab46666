package org.borderwatch.federation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.federation.FederationPartner;
import org.borderwatch.federation.repository.FederationPartnerRepository;
import org.borderwatch.federation.rest.FederationPartnerRequest;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;
import org.borderwatch.sharing.Agreement;
import org.borderwatch.sharing.repository.AgreementRepository;

/**
 * The partner installations this one trusts. A partner is configured by an admin of every agency whose agreements it
 * carries (or the platform operator): its certificate is pinned, its keys recorded, the agreements named; every change
 * and every read is recorded.
 */
@ApplicationScoped
public class FederationPartners {

    private static final String KIND = "partners";
    private static final Duration SHORTEST_DEADLINE = Duration.ofMinutes(1);
    private static final Duration LONGEST_DEADLINE = Duration.ofDays(30);

    private final FederationPartnerRepository partners;
    private final AgreementRepository agreements;
    private final org.borderwatch.sharing.repository.AgencyRepository agencies;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final ObjectMapper json;
    private final Clock clock;

    public FederationPartners(FederationPartnerRepository partners, AgreementRepository agreements,
                              org.borderwatch.sharing.repository.AgencyRepository agencies, AgencyAccess access, AuditRecorder audit,
                              ObjectMapper json, Clock clock) {
        this.agencies = agencies;
        this.partners = partners;
        this.agreements = agreements;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** What a PUT stored, and whether it made the partner. */
    public record Put(FederationPartner partner, boolean created) {
    }

    public record Page(List<FederationPartner> items, String nextCursor) {
    }

    @WithTransaction
    public Uni<Put> put(Caller caller, UUID id, Integer expectedVersion, FederationPartnerRequest request) {
        X509Certificate certificate = certificate(request.certificate());
        Duration deadline = deadline(request.recallDeadline());
        return carried(caller, id, request.agreements()).call(() -> across(request)).chain(() -> partners.byId(id))
                // a change must also be agreed for the agreements the partner carries now: no admin drops another agency's
                .call(existing -> existing == null ? Uni.createFrom().voidItem() : carried(caller, id, existing.agreementIds()))
                .chain(existing -> {
            if (existing != null && !existing.installation.equals(request.installation())) {
                throw ProblemException.invalid("installation", "cannot change: configure the new installation as a partner of its own");
            }
            if (existing == null && expectedVersion != null) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "Federation partner " + id + " does not exist");
            }
            if (existing != null && (expectedVersion == null || existing.version != expectedVersion)) {
                throw new ProblemException(expectedVersion == null ? ProblemType.PRECONDITION_REQUIRED : ProblemType.PRECONDITION_FAILED,
                        "Federation partner " + id + " is at version " + existing.version + "; send If-Match with its ETag to change it");
            }
            return (existing == null ? unclaimed(request.installation()) : Uni.createFrom().voidItem()).chain(() -> {
                FederationPartner partner = existing == null ? new FederationPartner() : existing;
                partner.id = id;
                partner.installation = request.installation();
                partner.baseUrl = request.baseUrl();
                partner.certificateSha256 = PartnerTrust.sha256(certificate);
                partner.certificateNotAfter = certificate.getNotAfter().toInstant();
                partner.keySet = write(request.keySet());
                partner.agencies = request.agencies().stream().distinct().collect(Collectors.joining(","));
                partner.agreements = request.agreements().stream().map(UUID::toString).distinct().collect(Collectors.joining(","));
                partner.recallDeadlineSeconds = deadline.toSeconds();
                partner.updatedAt = clock.instant();
                if (existing == null) {
                    partner.createdBy = caller.subject();
                    partner.createdAt = partner.updatedAt;
                }
                return (existing == null ? partners.add(partner).replaceWithVoid() : Uni.createFrom().voidItem())
                        .chain(partners::flush)
                        .chain(() -> audit.allowed(caller, AuditAction.FEDERATION_UPDATE, resource(partner, caller)))
                        .replaceWith(new Put(partner, existing == null));
            });
        });
    }

    @WithTransaction
    public Uni<FederationPartner> read(Caller caller, UUID id) {
        return partners.byId(id).map(partner -> {
            if (partner == null || !access.canConfigureFederation(caller)) {
                throw AccessDeniedException.hidden(caller, AuditAction.FEDERATION_READ, new AuditedResource("FEDERATION", id.toString(), null),
                        partner != null);
            }
            return partner;
        }).call(partner -> audit.allowed(caller, AuditAction.FEDERATION_READ, resource(partner, caller)));
    }

    @WithTransaction
    public Uni<Page> list(Caller caller, String cursor, int limit) {
        if (!access.canConfigureFederation(caller)) {
            throw AccessDeniedException.forbidden(caller, AuditAction.FEDERATION_READ, "only admins and the platform operator see federation partners");
        }
        UUID after = cursor == null ? null : after(cursor);
        return partners.page(after, limit)
                .call(list -> audit.allowed(caller, AuditAction.FEDERATION_READ, list.stream().map(p -> resource(p, caller)).toList(), null))
                .map(list -> new Page(list, list.size() < limit ? null : Cursor.encode(KIND, list.get(list.size() - 1).id)));
    }

    private static UUID after(String cursor) {
        try {
            return UUID.fromString(Cursor.decode(KIND, cursor, 1)[0]);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }

    /** The key ids of a partner's stored key set. */
    public List<String> keyIds(FederationPartner partner) {
        try {
            return json.readValue(partner.keySet, FederationPartnerRequest.KeySet.class).keys().stream()
                    .map(FederationPartnerRequest.Key::kid).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored key set is unreadable", e);
        }
    }

    /** Every carried agreement exists and releases from an agency whose admin the caller is (or the caller is the operator). */
    private Uni<Void> carried(Caller caller, UUID id, List<UUID> ids) {
        return agreements.byIds(ids).map(found -> {
            for (int i = 0; i < ids.size(); i++) {
                UUID wanted = ids.get(i);
                Agreement agreement = found.stream().filter(a -> a.id.equals(wanted)).findFirst().orElse(null);
                if (agreement == null) {
                    throw ProblemException.invalid("agreements[" + i + "]", "is not a sharing agreement of this installation: " + wanted);
                }
                if (!access.canManageAgreement(caller, agreement.fromAgency)) {
                    throw AccessDeniedException.forbidden(caller, AuditAction.FEDERATION_UPDATE, new AuditedResource("FEDERATION", id.toString(),
                            agreement.fromAgency), "only an admin of " + agreement.fromAgency + " (or the operator) lets its agreements travel");
                }
            }
            return null;
        });
    }

    /** The partner's agencies exist, and each carried agreement crosses the link: one side the partner's, the other this installation's. */
    private Uni<Void> across(FederationPartnerRequest request) {
        return agencies.codes().chain(known -> {
            for (int i = 0; i < request.agencies().size(); i++) {
                if (!known.contains(request.agencies().get(i))) {
                    throw ProblemException.invalid("agencies[" + i + "]", "is not an agency of the directory: " + request.agencies().get(i));
                }
            }
            return agreements.byIds(request.agreements());
        }).map(found -> {
            for (int i = 0; i < request.agreements().size(); i++) {
                UUID wanted = request.agreements().get(i);
                Agreement agreement = found.stream().filter(a -> a.id.equals(wanted)).findFirst().orElseThrow();
                if (request.agencies().contains(agreement.fromAgency) == request.agencies().contains(agreement.toAgency)) {
                    throw ProblemException.invalid("agreements[" + i + "]", "must be between one of the partner's agencies and one of this "
                            + "installation's: " + agreement.fromAgency + " → " + agreement.toAgency);
                }
            }
            return null;
        });
    }

    private Uni<Void> unclaimed(String installation) {
        return partners.byInstallation(installation).map(other -> {
            if (other != null) {
                throw new ProblemException(ProblemType.CONFLICT, "Installation " + installation + " is already partner " + other.id);
            }
            return null;
        });
    }

    private static AuditedResource resource(FederationPartner partner, Caller caller) {
        return new AuditedResource("FEDERATION", partner.id.toString(), caller.agency());
    }

    static X509Certificate certificate(String pem) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            certificate.checkValidity();
            return certificate;
        } catch (CertificateException | ClassCastException | IllegalArgumentException e) {
            throw ProblemException.invalid("certificate", "must be a PEM X.509 certificate valid today");
        }
    }

    static Duration deadline(String text) {
        try {
            Duration deadline = Duration.parse(text);
            if (deadline.compareTo(SHORTEST_DEADLINE) >= 0 && deadline.compareTo(LONGEST_DEADLINE) <= 0) {
                return deadline;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ProblemException.invalid("recallDeadline", "must be an ISO 8601 duration from PT1M to P30D");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
