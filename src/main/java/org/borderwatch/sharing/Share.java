package org.borderwatch.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A case released to a partner agency under an agreement. */
@Entity
@Table(name = "case_share")
public class Share {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "from_agency")
    public String fromAgency;

    @Column(name = "to_agency")
    public String toAgency;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_code")
    public HandlingCode handlingCode;

    /** The restrictions of an H3 release, in words. */
    public String conditions;

    public String purpose;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The redaction profile as JSON. */
    @ColumnTransformer(read = "redaction::text", write = "cast(cast(? as text) as jsonb)")
    public String redaction;

    /** The case's categories at release, comma separated. */
    public String categories;

    @Enumerated(EnumType.STRING)
    public ShareStatus status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** Who revoked it (or "system" when it expired), when, and why. */
    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The partner installation that released it, for a share received by federation (it has no local case); else null. */
    @Column(name = "origin_installation")
    public String originInstallation;

    @Version
    public int version;

    public java.util.Set<String> categorySet() {
        return new java.util.TreeSet<>(java.util.Arrays.asList(categories.split(",")));
    }

    /** Whether it ever reached the partner: released at once, or approved by a second supervisor. */
    public boolean wasReleased() {
        return approvedAt != null;
    }

    /**
     * The agency on the other side from one acting on this share, against which the access is recorded so both agencies'
     * auditors see it; while the share was never released, the partner is not told of it, so it stays the owner's.
     */
    public String otherPartyOf(String actingAgency) {
        return actingAgency.equals(fromAgency) && wasReleased() ? toAgency : fromAgency;
    }

    /** The status as of now: a share past its expiry is EXPIRED even before the expiry job has marked it. */
    public ShareStatus statusAt(Instant now) {
        return !status.ended() && !expiresAt.isAfter(now) ? ShareStatus.EXPIRED : status;
    }
}
