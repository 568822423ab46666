package org.borderwatch.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.Outcome;
import org.borderwatch.audit.repository.AuditEventRepository;
import org.borderwatch.audit.repository.AuditEventWriter;
import org.borderwatch.audit.repository.AuditRefusalRepository;
import org.borderwatch.common.web.CurrentRequest;
import org.borderwatch.common.web.RequestInfo;
import org.borderwatch.security.Caller;

/** The one audit recorder: every access to content and every refusal goes through here. */
@ApplicationScoped
public class AuditRecorder {

    private final AuditEventRepository events;
    private final AuditRefusalRepository refusals;
    private final AuditEventWriter writer;
    private final CurrentRequest request;
    private final Clock clock;

    public AuditRecorder(AuditEventRepository events, AuditRefusalRepository refusals, AuditEventWriter writer,
                         CurrentRequest request, Clock clock) {
        this.events = events;
        this.writer = writer;
        this.refusals = refusals;
        this.request = request;
        this.clock = clock;
    }

    /** Records an allowed access inside the caller's transaction: no audit row, no response. */
    public Uni<Void> allowed(Caller caller, AuditAction action, AuditedResource resource) {
        return allowed(caller, action, List.of(resource), null);
    }

    public Uni<Void> allowed(Caller caller, AuditAction action, List<AuditedResource> resources, String deviceId) {
        if (resources.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        RequestInfo info = request.info().withDevice(deviceId);
        return events.append(resources.stream()
                .map(resource -> event(caller, action, resource, Outcome.ALLOWED, null, info))
                .toList());
    }

    /**
     * An allowed access of this request, made now and written later with the work it records, in that work's
     * transaction (a group commit of filings: {@link #append}).
     */
    public AuditEvent prepared(Caller caller, AuditAction action, AuditedResource resource, String deviceId) {
        return event(caller, action, resource, Outcome.ALLOWED, null, request.info().withDevice(deviceId));
    }

    /** Writes prepared access records on the connection, in the transaction, of the work they record. */
    public Uni<Void> append(SqlConnection connection, List<AuditEvent> prepared) {
        return writer.append(connection, prepared);
    }

    /** Records an allowed access in a transaction of its own, for work that has none (verifying the chain). */
    @WithTransaction
    public Uni<Void> recordAlone(Caller caller, AuditAction action, AuditedResource resource) {
        return allowed(caller, action, resource);
    }

    /** Records a refused or failed attempt in a transaction of its own, after the refused work was rolled back. */
    @WithTransaction
    public Uni<Void> refused(Caller caller, AuditAction action, AuditedResource resource, Outcome outcome, String reason) {
        return events.append(List.of(event(caller, action, resource, outcome, reason, request.info())));
    }

    /**
     * Records a refusal of a caller without a valid token, bounded: per client address and minute the first in full
     * (in the chain), every further one as a count on that first one. The count lives in PostgreSQL, so it holds
     * across replicas; anyone can send such requests, and they must not grow the log without bound.
     */
    @WithTransaction
    public Uni<Void> refusedUnauthenticated(String reason) {
        RequestInfo info = request.info();
        AuditEvent event = event(null, AuditAction.ACCESS, null, Outcome.DENIED, reason, info);
        String address = info.clientAddress() == null ? "unknown" : info.clientAddress();
        return refusals.count(address, event.occurredAt.truncatedTo(ChronoUnit.MINUTES), event.id)
                .chain(first -> first ? events.append(List.of(event)) : Uni.createFrom().voidItem());
    }

    private AuditEvent event(Caller caller, AuditAction action, AuditedResource resource, Outcome outcome, String reason,
                             RequestInfo info) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = clock.instant();
        if (caller != null) {
            event.subject = caller.subject();
            event.agency = caller.agency().isEmpty() ? null : caller.agency();
            event.roles = caller.rolesText();
        }
        event.deviceId = info.deviceId();
        event.action = action;
        if (resource != null) {
            event.resourceType = resource.type();
            event.resourceId = resource.id();
            event.resourceAgency = resource.agency();
        }
        event.outcome = outcome;
        event.reason = reason;
        event.purpose = info.purpose();
        event.clientAddress = info.clientAddress();
        event.userAgent = info.userAgent();
        event.requestId = info.requestId();
        return event;
    }
}
