package org.borderwatch.sharing.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.borderwatch.sharing.repository.AgencyRepository;

/** The agencies this service knows, read from the database and kept for a short while. */
@ApplicationScoped
public class AgencyDirectory {

    private static final Duration REFRESH = Duration.ofSeconds(30);
    private final Uni<Set<String>> codes;

    public AgencyDirectory(AgencyRepository agencies) {
        this.codes = Uni.createFrom().deferred(agencies::codes)
                .map(Set::copyOf)
                .memoize().atLeast(REFRESH);
    }

    public Uni<Boolean> isKnown(String code) {
        return codes.map(known -> known.contains(code));
    }
}
