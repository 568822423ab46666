package org.borderwatch.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.AuditEventFilter;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.repository.AuditEventRepository;
import org.borderwatch.audit.repository.AuditRefusalRepository;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.security.Caller;

/**
 * The auditor's reading of the access log: events by or about the auditor's agency, and the installation's own (those of
 * no agency). The reading is itself logged.
 */
@ApplicationScoped
public class AuditQueryService {

    private static final String KIND = "audit";
    private static final String TRAIL = "trail";

    private static final int SIGNAL_ROWS = 200;
    private final AuditEventRepository events;
    private final AuditRefusalRepository refusals;
    private final AuditRecorder recorder;

    public AuditQueryService(AuditEventRepository events, AuditRefusalRepository refusals, AuditRecorder recorder) {
        this.events = events;
        this.refusals = refusals;
        this.recorder = recorder;
    }

    public record Page(List<AuditEvent> items, String nextCursor) {
    }

    /** "Who accessed this": every access to one resource, newest first. The question is itself logged. */
    @WithTransaction
    public Uni<Page> accessTo(Caller caller, String type, String id, String cursor, int limit) {
        return search(caller, new AuditEventFilter(null, null, null, type, id, null, null, null), cursor, limit);
    }

    /** Refused attempts and unusually many reads: who an auditor should look at. */
    public record Signals(List<Object[]> deniedActors, List<Object[]> heavyReaders, List<Object[]> unauthenticated) {
    }

    /** Unauthenticated refusals belong to no agency: every auditor sees them. */
    @WithTransaction
    public Uni<Signals> signals(Caller caller, java.time.Instant from, java.time.Instant to, long readsPerHour) {
        return events.deniedActors(caller.agency(), from, to)
                .chain(denied -> events.heavyReaders(caller.agency(), from, to, readsPerHour)
                        .chain(heavy -> refusals.buckets(from, to, SIGNAL_ROWS).map(buckets -> new Signals(denied, heavy, buckets))))
                .call(() -> recorder.allowed(caller, AuditAction.AUDIT_READ, new AuditedResource("AUDIT_LOG", "signals", caller.agency())));
    }

    @WithTransaction
    public Uni<Page> search(Caller caller, AuditEventFilter filter, String cursor, int limit) {
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(KIND, cursor);
        return events.search(filter, caller.agency(), after, limit)
                .call(() -> recorder.allowed(caller, AuditAction.AUDIT_READ, new AuditedResource("AUDIT_LOG", caller.agency(), caller.agency())))
                .map(items -> new Page(items, items.size() < limit ? null
                        : Cursor.encode(KIND, new Cursor.TimeAndId(items.get(items.size() - 1).occurredAt, items.get(items.size() - 1).id))));
    }

    /**
     * A resource's trail, oldest first: the chain of custody of an evidence item. The caller's access to the
     * resource is decided by its feature; this runs inside that feature's transaction, which records the read.
     */
    public Uni<Page> trail(String type, String id, String cursor, int limit) {
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(TRAIL, cursor);
        return events.trail(type, id, after, limit)
                .map(items -> new Page(items, items.size() < limit ? null
                        : Cursor.encode(TRAIL, new Cursor.TimeAndId(items.get(items.size() - 1).occurredAt, items.get(items.size() - 1).id))));
    }
}
