package org.borderwatch.federation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.borderwatch.federation.FederationPartner;
import org.borderwatch.federation.repository.FederationExchangeRepository;
import org.borderwatch.federation.repository.FederationPartnerRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Pulls each partner's collection on a schedule: one replica per partner at a time (a lease on its poll row), page
 * after page from where the last applied object was added; a partner that cannot be reached is retried with
 * exponential backoff (up to borderwatch.federation.longest-backoff, five minutes by default), and a refused object stops the feed until it is resolved.
 */
@ApplicationScoped
public class FederationPoller {

    private static final Logger LOG = Logger.getLogger(FederationPoller.class);
    private static final int PAGE = 100;
    private static final int PAGES_PER_POLL = 20;

    private final FederationPartnerRepository partners;
    private final FederationExchangeRepository exchange;
    private final FederationClient client;
    private final FederationReceiver receiver;
    private final Clock clock;
    private final Duration every;
    private final Duration longestBackoff;
    private final String installation;

    public FederationPoller(FederationPartnerRepository partners, FederationExchangeRepository exchange, FederationClient client,
                            FederationReceiver receiver, Clock clock, @ConfigProperty(name = "borderwatch.federation.poll-every") Duration every,
                            @ConfigProperty(name = "borderwatch.federation.longest-backoff") Duration longestBackoff,
                            @ConfigProperty(name = "borderwatch.federation.installation") String installation) {
        this.partners = partners;
        this.exchange = exchange;
        this.client = client;
        this.receiver = receiver;
        this.clock = clock;
        this.every = every;
        this.longestBackoff = longestBackoff;
        this.installation = installation;
    }

    @Scheduled(every = "${borderwatch.federation.poll-every}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pollDue() {
        return all().chain(list -> Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(this::poll).collect().last())
                .onFailure().invoke(failure -> LOG.errorf(failure, "federation poll")).onFailure().recoverWithNull().replaceWithVoid();
    }

    @WithSession
    Uni<java.util.List<FederationPartner>> all() {
        return partners.all();
    }

    /** Polls one partner now if it is due and no other replica has it. */
    public Uni<Void> poll(FederationPartner partner) {
        Instant now = clock.instant();
        return claim(partner, now).chain(state -> state == null ? Uni.createFrom().voidItem() : pages(partner, state, state.addedAfter(), 0));
    }

    @WithTransaction
    Uni<FederationExchangeRepository.PollState> claim(FederationPartner partner, Instant now) {
        return exchange.claimPoll(partner.id, now, now.plus(Duration.ofMinutes(2)));
    }

    private Uni<Void> pages(FederationPartner partner, FederationExchangeRepository.PollState state, String addedAfter, int page) {
        // deferred: a client that cannot even be made (no federation certificate, a bad URL) is this partner's failure, not the round's
        return Uni.createFrom().deferred(() -> client.objects(partner, TaxiiCollections.collectionOf(installation), addedAfter, PAGE))
                .chain(envelope -> receiver.applyPage(partner, envelope))
                .chain(outcome -> {
                    String after = outcome.lastDateAdded() == null ? addedAfter : outcome.lastDateAdded();
                    if (outcome.refusal() != null) {
                        LOG.errorf("federation: %s refused from %s; its feed waits until it is resolved", outcome.refusal(), partner.installation);
                        return failed(partner, after, outcome.refusal(), true, state.failures() + 1);
                    }
                    return outcome.more() && page + 1 < PAGES_PER_POLL ? pages(partner, state, after, page + 1) : done(partner, after);
                })
                .onFailure().recoverWithUni(failure -> failed(partner, null, String.valueOf(failure.getMessage()), false, state.failures() + 1));
    }

    @WithTransaction
    Uni<Void> done(FederationPartner partner, String addedAfter) {
        Instant now = clock.instant();
        return exchange.polled(partner.id, addedAfter, now, now.plus(every));
    }

    @WithTransaction
    Uni<Void> failed(FederationPartner partner, String addedAfter, String error, boolean refused, int failures) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(failures, 9));
        backoff = backoff.compareTo(longestBackoff) > 0 ? longestBackoff : backoff.compareTo(every) < 0 ? every : backoff;
        return exchange.pollFailed(partner.id, addedAfter, error.length() > 1000 ? error.substring(0, 1000) : error, refused,
                clock.instant().plus(backoff));
    }
}
