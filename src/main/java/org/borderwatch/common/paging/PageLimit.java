package org.borderwatch.common.paging;

import jakarta.enterprise.context.ApplicationScoped;
import org.borderwatch.common.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The page size of a list request: a default when absent, refused above the hard maximum. */
@ApplicationScoped
public class PageLimit {

    private final int defaultLimit;
    private final int maxLimit;

    public PageLimit(@ConfigProperty(name = "borderwatch.paging.default-limit") int defaultLimit,
                     @ConfigProperty(name = "borderwatch.paging.max-limit") int maxLimit) {
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    public int resolve(Integer requested) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > maxLimit) {
            throw ProblemException.invalid("limit", "must be between 1 and " + maxLimit);
        }
        return requested;
    }
}
