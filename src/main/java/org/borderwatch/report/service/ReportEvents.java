package org.borderwatch.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import org.borderwatch.common.events.Notifications;
import java.util.UUID;
import org.borderwatch.report.ReportHistoryEntry;
import org.jboss.logging.Logger;

/**
 * Decisions on reports, live for connected officers on every replica (see {@link Notifications}). Only ids travel by
 * NOTIFY (its payload is limited to 8,000 bytes, a question is not); each stream reads the decision itself.
 */
// created at start, so each replica LISTENs before it serves its first stream and no event falls between the two
@io.quarkus.runtime.Startup
@ApplicationScoped
public class ReportEvents {

    public static final String CHANNEL = "borderwatch_report_events";
    private static final Logger LOG = Logger.getLogger(ReportEvents.class);

    private final ObjectMapper json;
    private final Multi<Signal> live;

    /** What NOTIFY carries: the history entry, and whose report it is (so each stream knows whether it concerns it). */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record Signal(UUID id, String reporter) {
    }

    public ReportEvents(ObjectMapper json, Notifications notifications) {
        this.json = json;
        this.live = notifications.channel(CHANNEL).map(this::read).filter(java.util.Objects::nonNull);
    }

    public Multi<Signal> live() {
        return live;
    }

    public String payload(ReportHistoryEntry entry, String reporter) {
        try {
            return json.writeValueAsString(new Signal(entry.id, reporter));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report event cannot be written", e);
        }
    }

    private Signal read(String payload) {
        try {
            return json.readValue(payload, Signal.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("ignored an unreadable report event: %s", e.getMessage());
            return null;
        }
    }
}
