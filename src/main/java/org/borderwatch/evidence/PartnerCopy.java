package org.borderwatch.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a partner agency receives of a photo: the same picture with every embedded metadata block removed. Never changed. */
@Entity
@Table(name = "evidence_partner_copy")
public class PartnerCopy {

    @Id
    @Column(name = "evidence_id")
    public UUID evidenceId;

    /** Where its bytes are: the pieces of this (server-written) upload. */
    @Column(name = "copy_upload_id")
    public UUID copyUploadId;

    @Column(name = "content_type")
    public String contentType;

    public long size;

    public String sha256;

    @Column(name = "created_at")
    public Instant createdAt;
}
