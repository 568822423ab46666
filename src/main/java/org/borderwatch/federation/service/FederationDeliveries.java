package org.borderwatch.federation.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borderwatch.federation.FederationPartner;
import org.borderwatch.federation.repository.FederationExchangeRepository;
import org.borderwatch.security.Caller;
import org.borderwatch.sharing.service.ShareService;

/** What reached each partner: per share for its owner, per partner for the admins (polling, outstanding, overdue recalls). */
@ApplicationScoped
public class FederationDeliveries {

    private final FederationExchangeRepository exchange;
    private final FederationPartners partners;
    private final ShareService shares;
    private final Clock clock;

    public FederationDeliveries(FederationExchangeRepository exchange, FederationPartners partners, ShareService shares, Clock clock) {
        this.exchange = exchange;
        this.partners = partners;
        this.shares = shares;
        this.clock = clock;
    }

    public record Status(FederationPartner partner, FederationExchangeRepository.PollState poll, long outstanding, long overdueRecalls,
                         long[] witnessing) {
    }

    /** The owner's view of a share, then what was published about it to each partner and whether it was receipted. */
    @WithTransaction
    public Uni<List<FederationExchangeRepository.Delivery>> ofShare(Caller caller, UUID caseId, UUID shareId) {
        return shares.read(caller, caseId, shareId).chain(detail -> exchange.deliveries(shareId));
    }

    @WithTransaction
    public Uni<Status> status(Caller caller, UUID partnerId) {
        Instant now = clock.instant();
        return partners.read(caller, partnerId).chain(partner -> exchange.pollState(partner.id).chain(poll -> exchange
                .outstanding(partner.id, now.minusSeconds(partner.recallDeadlineSeconds))
                .chain(counts -> exchange.witnessing(partner.id).map(witnessing -> new Status(partner, poll, counts[0], counts[1], witnessing)))));
    }
}
