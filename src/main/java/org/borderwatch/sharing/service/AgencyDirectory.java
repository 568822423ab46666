package org.borderwatch.sharing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.borderwatch.security.KnownAgencies;
import org.borderwatch.sharing.repository.AgencyRepository;

/**
 * The agencies this service knows, read from the database and kept for a short while. A request that
 * finds the copy stale reloads it on its own session: sharing one in-flight load between requests
 * would run their Hibernate Reactive work on another request's context.
 */
@ApplicationScoped
public class AgencyDirectory implements KnownAgencies {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final AgencyRepository agencies;
    private final Clock clock;
    private volatile Known known = new Known(Set.of(), Instant.MIN);

    private record Known(Set<String> codes, Instant loadedAt) {
    }

    public AgencyDirectory(AgencyRepository agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Drops the cached copy after a change, so this replica sees a new agency at once (others within the refresh time). */
    public void forget() {
        known = new Known(Set.of(), Instant.MIN);
    }

    @Override
    public Uni<Boolean> isKnown(String code) {
        Known current = known;
        if (current.loadedAt().plus(REFRESH).isAfter(clock.instant())) {
            return Uni.createFrom().item(current.codes().contains(code));
        }
        return agencies.codes().map(codes -> {
            known = new Known(Set.copyOf(codes), clock.instant());
            return codes.contains(code);
        });
    }
}
