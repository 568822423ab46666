package org.borderwatch.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One published version of a share's redacted content: exactly what the partner was given. Never changed. */
@Entity
@Table(name = "share_snapshot")
public class ShareSnapshot {

    @Id
    public UUID id;

    @Column(name = "share_id")
    public UUID shareId;

    public int version;

    /** The released content ({@code SharedCase}) as JSON. */
    @ColumnTransformer(read = "content::text", write = "cast(cast(? as text) as jsonb)")
    public String content;

    /** The same content as a compact JWS signed by the service, when a signing key is configured. */
    public String signed;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;
}
