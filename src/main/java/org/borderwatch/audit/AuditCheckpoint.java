package org.borderwatch.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A signed statement that the chain up to a position ended in a given hash. */
@Entity
@Immutable
@Table(name = "audit_checkpoint")
public class AuditCheckpoint {

    @Id
    public long number;

    @Column(name = "first_position")
    public long firstPosition;

    @Column(name = "last_position")
    public long lastPosition;

    @Column(name = "last_hash")
    public String lastHash;

    @Column(name = "previous_signature")
    public String previousSignature;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "signed_at")
    public Instant signedAt;

    /** The checkpoint as a compact JWS (RS256). */
    public String jws;
}
