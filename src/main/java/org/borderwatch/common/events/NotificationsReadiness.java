package org.borderwatch.common.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A replica is ready only once it listens on every notification channel: a live stream it served before that could
 * miss an event written through another replica.
 */
@Readiness
@ApplicationScoped
public class NotificationsReadiness implements HealthCheck {

    private final Notifications notifications;

    public NotificationsReadiness(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live event notifications").status(notifications.listening()).build();
    }
}
