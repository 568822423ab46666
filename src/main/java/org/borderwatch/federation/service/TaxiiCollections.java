package org.borderwatch.federation.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.federation.FederationPartner;
import org.borderwatch.federation.repository.FederationExchangeRepository;
import org.borderwatch.federation.repository.FederationPartnerRepository;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.Caller;

/**
 * The read-only TAXII 2.1 collections this installation serves: one per partner, readable only by the partner whose
 * pinned certificate the connection presented. Every read is recorded.
 */
@ApplicationScoped
public class TaxiiCollections {

    public static final int MAX_PAGE = 200;

    private final FederationPartnerRepository partners;
    private final FederationExchangeRepository exchange;
    private final AuditRecorder audit;

    public TaxiiCollections(FederationPartnerRepository partners, FederationExchangeRepository exchange, AuditRecorder audit) {
        this.partners = partners;
        this.exchange = exchange;
        this.audit = audit;
    }

    /** The collection a partner reads here: named after the partner, the same id at both ends. */
    public static String collectionOf(String partnerInstallation) {
        return StixRelease.id("collection:" + partnerInstallation).toString();
    }

    public static Caller callerOf(FederationPartner partner) {
        return new Caller("installation:" + partner.installation, "", Set.of());
    }

    /** A page and where it stands: the newest entries first cut at {@code limit}. */
    public record Page(List<FederationExchangeRepository.Entry> entries, boolean more) {
    }

    /** The partner presenting this certificate; 401 without one (never the case on the federation port), 403 if none is pinned. */
    public Uni<FederationPartner> partner(X509Certificate peer) {
        if (peer == null) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED, "TAXII is served only over mutual TLS"));
        }
        return partners.byCertificate(PartnerTrust.sha256(peer)).onItem().ifNull().failWith(() -> AccessDeniedException.forbidden(
                new Caller("certificate:" + PartnerTrust.sha256(peer), "", Set.of()), AuditAction.FEDERATION_PULL, "certificate " + peer.getSubjectX500Principal() + " is not pinned by a federation agreement"));
    }

    @WithTransaction
    public Uni<FederationPartner> collection(X509Certificate peer, String collection) {
        return partner(peer).call(partner -> own(partner, collection));
    }

    @WithTransaction
    public Uni<Page> objects(X509Certificate peer, String collection, long next, Instant addedAfter, FederationExchangeRepository.Match match,
                             int limit) {
        return partner(peer).call(partner -> own(partner, collection)).chain(partner -> exchange.page(partner.id, next, addedAfter, match, limit)
                .call(entries -> audit.allowed(callerOf(partner), AuditAction.FEDERATION_PULL,
                        new AuditedResource("FEDERATION", collection, null))))
                .map(entries -> new Page(entries.size() > limit ? entries.subList(0, limit) : entries, entries.size() > limit));
    }

    /** Another partner's collection, or one that does not exist, is 404 to the caller, and the attempt is recorded. */
    private Uni<Void> own(FederationPartner partner, String collection) {
        return collectionOf(partner.installation).equals(collection) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(AccessDeniedException.hidden(callerOf(partner), AuditAction.FEDERATION_PULL,
                        new AuditedResource("FEDERATION", collection, null), false));
    }
}
