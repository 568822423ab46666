package org.borderwatch.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A photo, video or document attached to a report: bit-exact as captured, never changed. */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    public String agency;

    /** Where its bytes are: the pieces of this upload. */
    @Column(name = "upload_id")
    public UUID uploadId;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    public long size;

    public String sha256;

    @Column(name = "captured_at")
    public Instant capturedAt;

    @Column(name = "exif_taken_at")
    public Instant exifTakenAt;

    public String camera;

    @Column(name = "gps_lat")
    public Double gpsLat;

    @Column(name = "gps_lon")
    public Double gpsLon;

    /** Why a supervisor should look at it (the photo was taken far from the report's location), or null. */
    @Column(name = "location_flag")
    public String locationFlag;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
