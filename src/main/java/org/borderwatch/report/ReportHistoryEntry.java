package org.borderwatch.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One step in a report's life: a decision, a question, an answer (amendment). Only ever inserted. */
@Entity
@Immutable
@Table(name = "report_history")
public class ReportHistoryEntry {

    /** FILED is never stored: a report's first entry is made from the report itself. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReportHistoryKind",
            description = "What happened to a report.", example = "INFO_REQUESTED")
    public enum Kind { FILED, AMENDED, ANSWERED, VERIFIED, REJECTED, INFO_REQUESTED }

    @Id
    public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    public int version;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String actor;

    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReportStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ReportStatus toStatus;

    /** The question, the rejection reason, or the supervisor's note. */
    public String note;

    @Column(name = "grading_source")
    public String gradingSource;

    @Column(name = "grading_information")
    public String gradingInformation;

    @Enumerated(EnumType.STRING)
    public Impact impact;
}
