package org.borderwatch.common.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgChannel;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * PostgreSQL LISTEN/NOTIFY for live streams across replicas: every replica listens on one connection, and a
 * NOTIFY sent inside a transaction is delivered only if that transaction commits.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    private final Map<String, BroadcastProcessor<String>> channels = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private final PgSubscriber subscriber;
    private final Vertx vertx;

    public Notifications(Vertx vertx,
                         @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") String user,
                         @ConfigProperty(name = "quarkus.datasource.password") String password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 2_000L);
        this.vertx = vertx;
    }

    void listen(@Observes StartupEvent started) {
        connect();
    }

    /** Until the first connection succeeds (PostgreSQL may start after this replica), try again every 2 s. */
    private void connect() {
        subscriber.connect().onFailure(failure -> {
            LOG.warnf("not listening for notifications yet, retrying in 2 s: %s", failure.getMessage());
            vertx.setTimer(2_000L, retry -> connect());
        });
    }

    void stop(@Observes ShutdownEvent stopping) {
        subscriber.close();
    }

    /** The payloads notified on a channel from now on. */
    public Multi<String> channel(String name) {
        return channels.computeIfAbsent(name, this::subscribe);
    }

    private BroadcastProcessor<String> subscribe(String name) {
        BroadcastProcessor<String> live = BroadcastProcessor.create();
        PgChannel channel = subscriber.channel(name);
        channel.subscribeHandler(subscribed -> listening.add(name));
        channel.endHandler(ended -> listening.remove(name));
        channel.handler(live::onNext);
        return live;
    }

    /** Whether PostgreSQL has confirmed the LISTEN of every channel in use: until then a notification can be missed. */
    public boolean listening() {
        return listening.containsAll(channels.keySet());
    }
}
