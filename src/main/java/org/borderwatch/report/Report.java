package org.borderwatch.report;

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

/** A field report, current version. Earlier versions live in {@link ReportVersion}. */
@Entity
@Table(name = "report")
public class Report {

    @Id
    public UUID id;

    public String agency;

    public String reporter;

    @Column(name = "device_id")
    public String deviceId;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public double lat;

    public double lon;

    @Column(name = "accuracy_meters")
    public Double accuracyMeters;

    @Column(name = "border_gate")
    public String borderGate;

    @Column(name = "border_marker")
    public String borderMarker;

    @Enumerated(EnumType.STRING)
    public Impact impact;

    /** The narrative text, kept apart for free-text search. */
    public String narrative;

    @Column(name = "grading_source")
    public String gradingSource;

    @Column(name = "grading_information")
    public String gradingInformation;

    /** The supervisor's open question while the report NEEDS_INFO. */
    public String question;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "decided_by")
    public String decidedBy;

    /** The case the report belongs to, if any (at most one). */
    @Column(name = "case_id")
    public UUID caseId;

    /** The report content as canonical JSON (see ReportCodec). */
    @ColumnTransformer(read = "content::text", write = "cast(cast(? as text) as jsonb)")
    public String content;

    /** SHA-256 of the first version's content: a retried create is recognised by it. */
    @Column(name = "origin_hash")
    public String originHash;

    @Version
    public int version;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Set by the database trigger; the position in the changes feed. */
    @Column(name = "change_xid", insertable = false, updatable = false)
    public long changeXid;

    @Column(name = "change_seq", insertable = false, updatable = false)
    public long changeSeq;
}
