package org.borderwatch.sharing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.events.Notifications;
import org.borderwatch.security.Caller;
import org.borderwatch.sharing.ShareEvent;
import org.borderwatch.sharing.repository.ShareRepository;
import org.jboss.logging.Logger;

/** The live inbox: share events from the database log (to resume) and from NOTIFY (as they happen, on any replica). */
// created at start, so each replica LISTENs before it serves its first stream and no event falls between the two
@io.quarkus.runtime.Startup
@ApplicationScoped
public class ShareEvents {

    private static final Logger LOG = Logger.getLogger(ShareEvents.class);
    private static final int RESUME_LIMIT = 1000;
    /** Covers a writing transaction that began before the stream was opened, and clocks a little apart. */
    private static final Duration OPENING_OVERLAP = Duration.ofSeconds(5);

    private final ShareRepository shares;
    private final AuditRecorder audit;
    private final ObjectMapper json;
    private final Multi<ShareEvent> live;

    public ShareEvents(ShareRepository shares, AuditRecorder audit, ObjectMapper json, Notifications notifications) {
        this.shares = shares;
        this.audit = audit;
        this.json = json;
        this.live = notifications.channel(ShareRepository.EVENTS_CHANNEL).map(this::read).filter(Objects::nonNull);
    }

    public Multi<ShareEvent> live(Caller caller) {
        return live.filter(event -> event.concerns(caller.agency()));
    }

    /**
     * Records the subscription and returns what the caller missed: the events after the given one or, without one,
     * those of the few seconds before the stream was opened, so that nothing written between the request and the
     * live subscription is lost (the stream drops repeats by sequence number).
     */
    @WithTransaction
    public Uni<List<ShareEvent>> subscribe(Caller caller, Long after, Instant openedAt) {
        Uni<Void> recorded = audit.allowed(caller, AuditAction.SHARE_SUBSCRIBE, new AuditedResource("INBOX", caller.agency(), caller.agency()));
        return recorded.chain(() -> after == null
                        ? shares.eventsSince(caller.agency(), openedAt.minus(OPENING_OVERLAP), RESUME_LIMIT)
                        : shares.eventsAfter(caller.agency(), after, RESUME_LIMIT))
                .map(rows -> rows.stream().map(ShareEvents::event).filter(e -> e.concerns(caller.agency())).toList());
    }

    /**
     * A caller's live inbox: what it missed (after the given position, or the opening seconds), then every event as it
     * happens on any replica, each once, until the caller's token expires.
     */
    public Multi<ShareEvent> stream(org.borderwatch.security.CallerResolver.Streaming opened, Long after) {
        Instant openedAt = Instant.now();
        return Multi.createBy().merging().streams(
                        Multi.createFrom().uni(org.borderwatch.common.Completing.evenIfCancelled(subscribe(opened.caller(), after, openedAt)))
                                .onItem().transformToIterable(List::copyOf),
                        live(opened.caller()))
                .select().distinct(java.util.Comparator.comparingLong(ShareEvent::seq))
                .select().first(opened.tokenLeft());
    }

    private static ShareEvent event(Object[] row) {
        OffsetDateTime at = row[5] instanceof OffsetDateTime odt ? odt : ((java.time.Instant) row[5]).atOffset(ZoneOffset.UTC);
        return new ShareEvent(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (String) row[3], (String) row[4], at);
    }

    private ShareEvent read(String payload) {
        try {
            return json.readValue(payload, ShareEvent.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("ignored an unreadable share event: %s", e.getMessage());
            return null;
        }
    }
}
