package org.borderwatch.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.borderwatch.report.ReportEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Decisions reach connected officers through PostgreSQL LISTEN/NOTIFY: every replica listens, and a
 * NOTIFY sent inside the deciding transaction is delivered only if that transaction commits.
 */
@ApplicationScoped
public class ReportEvents {

    public static final String CHANNEL = "borderwatch_report_events";
    private static final Logger LOG = Logger.getLogger(ReportEvents.class);

    private final BroadcastProcessor<ReportEvent> live = BroadcastProcessor.create();
    private final ObjectMapper json;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public ReportEvents(ObjectMapper json,
                        @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username") String user,
                        @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.json = json;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void listen(@Observes StartupEvent started, Vertx vertx) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 2_000L);
        subscriber.channel(CHANNEL).handler(this::received);
        subscriber.connect().onFailure(failure -> LOG.warnf("not listening for report events yet: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    public Multi<ReportEvent> live() {
        return live;
    }

    public String payload(ReportEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report event cannot be written", e);
        }
    }

    private void received(String payload) {
        try {
            live.onNext(json.readValue(payload, ReportEvent.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("ignored an unreadable report event: %s", e.getMessage());
        }
    }
}
