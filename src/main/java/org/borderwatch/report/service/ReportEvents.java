package org.borderwatch.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import org.borderwatch.common.events.Notifications;
import org.borderwatch.report.ReportEvent;
import org.jboss.logging.Logger;

/** Decisions on reports, live for connected officers on every replica (see {@link Notifications}). */
@ApplicationScoped
public class ReportEvents {

    public static final String CHANNEL = "borderwatch_report_events";
    private static final Logger LOG = Logger.getLogger(ReportEvents.class);

    private final ObjectMapper json;
    private final Multi<ReportEvent> live;

    public ReportEvents(ObjectMapper json, Notifications notifications) {
        this.json = json;
        this.live = notifications.channel(CHANNEL).map(this::read).filter(java.util.Objects::nonNull);
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

    private ReportEvent read(String payload) {
        try {
            return json.readValue(payload, ReportEvent.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("ignored an unreadable report event: %s", e.getMessage());
            return null;
        }
    }
}
