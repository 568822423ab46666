package org.borderwatch.vetting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.borderwatch.report.Impact;

/** A case: one or more verified reports about the same incident, owned by one agency. */
@Entity
@Table(name = "case_file")
public class CaseFile {

    @Id
    public UUID id;

    public String agency;

    public String title;

    public String summary;

    @Enumerated(EnumType.STRING)
    public Impact impact;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
