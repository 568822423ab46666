package org.borderwatch.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The clock the service reads time from (UTC), one bean so tests and code agree. */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds; a finer clock would make stored and returned times differ.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
