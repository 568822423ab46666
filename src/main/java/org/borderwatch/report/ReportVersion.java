package org.borderwatch.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A superseded version of a report, kept when the officer amends it. */
@Entity
@Immutable
@IdClass(ReportVersion.Key.class)
@Table(name = "report_version")
public class ReportVersion {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Id
    public int version;

    @ColumnTransformer(read = "content::text", write = "cast(cast(? as text) as jsonb)")
    public String content;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    @Column(name = "amended_by")
    public String amendedBy;

    public static class Key implements Serializable {
        public UUID reportId;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version && Objects.equals(reportId, key.reportId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, version);
        }
    }
}
