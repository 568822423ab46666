package org.borderwatch.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A resumable (tus) upload of one file to a report: what the phone declared, and how far the bytes have come. */
@Entity
@Table(name = "evidence_upload")
public class EvidenceUpload {

    @Id
    public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    public String agency;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    /** The hex SHA-256 the phone computed at capture. */
    @Column(name = "declared_sha256")
    public String declaredSha256;

    @Column(name = "captured_at")
    public Instant capturedAt;

    public long length;

    /** Written by the blocking upload path only; read here. */
    @Column(name = "upload_offset")
    public long offset;

    @Enumerated(EnumType.STRING)
    public UploadStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
