package org.borderwatch.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A partner installation this one trusts: where it is, the certificate it presents, the keys it signs with, what it carries. */
@Entity
@Table(name = "federation_partner")
public class FederationPartner {

    @Id
    public UUID id;

    public String installation;

    @Column(name = "base_url")
    public String baseUrl;

    @Column(name = "certificate_sha256")
    public String certificateSha256;

    @Column(name = "certificate_not_after")
    public Instant certificateNotAfter;

    /** The partner's JWK Set as JSON. */
    @Column(name = "key_set")
    @ColumnTransformer(read = "key_set::text", write = "cast(cast(? as text) as jsonb)")
    public String keySet;

    /** The agencies the partner installation speaks for, comma-separated codes. */
    public String agencies;

    /** The sharing agreements whose releases travel over this link, comma-separated ids. */
    public String agreements;

    @Column(name = "recall_deadline_seconds")
    public long recallDeadlineSeconds;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    public List<String> agencyCodes() {
        return agencies == null || agencies.isEmpty() ? List.of() : Arrays.asList(agencies.split(","));
    }

    public boolean speaksFor(String agency) {
        return agencyCodes().contains(agency);
    }

    public List<UUID> agreementIds() {
        return agreements.isEmpty() ? List.of() : Arrays.stream(agreements.split(",")).map(UUID::fromString).toList();
    }
}
