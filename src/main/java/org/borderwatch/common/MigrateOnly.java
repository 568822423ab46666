package org.borderwatch.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * borderwatch.migrate-only=true (BORDERWATCH_MIGRATE_ONLY): the process applies the Flyway migrations, which run
 * before start-up completes, and exits 0 — the once-per-rollout migration Job. Serving replicas run with
 * migrations off and without the owner's credentials.
 */
@ApplicationScoped
public class MigrateOnly {

    private static final Logger LOG = Logger.getLogger(MigrateOnly.class);

    void exitAfterMigrating(@Observes @Priority(1) StartupEvent started,
                            @ConfigProperty(name = "borderwatch.migrate-only", defaultValue = "false") boolean migrateOnly) {
        if (migrateOnly) {
            LOG.info("schema migrated; exiting (borderwatch.migrate-only)");
            Quarkus.asyncExit(0);
        }
    }
}
