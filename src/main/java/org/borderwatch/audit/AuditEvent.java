package org.borderwatch.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One line of the access log: who did what to which resource, when, from where, with what outcome. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public UUID id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String subject;

    public String agency;

    public String roles;

    @Column(name = "device_id")
    public String deviceId;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "resource_agency")
    public String resourceAgency;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String reason;

    public String purpose;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "request_id")
    public String requestId;

    /** The writing transaction's id, set by the database; the sealer's order. */
    @Column(name = "tx", insertable = false, updatable = false)
    public long tx;
}
