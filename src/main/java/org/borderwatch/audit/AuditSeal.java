package org.borderwatch.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** An event's place in the hash chain: hash = SHA-256(previous hash || canonical form of the event). */
@Entity
@Immutable
@Table(name = "audit_seal")
public class AuditSeal {

    @Id
    public long position;

    @Column(name = "event_id")
    public UUID eventId;

    public long tx;

    /** Hex SHA-256. */
    public String hash;

    @Column(name = "sealed_at")
    public Instant sealedAt;
}
