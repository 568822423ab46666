package org.borderwatch.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A signed sharing agreement: which categories one agency may release to another, up to which handling code, when. */
@Entity
@Table(name = "sharing_agreement")
public class Agreement {

    @Id
    public UUID id;

    @Column(name = "from_agency")
    public String fromAgency;

    @Column(name = "to_agency")
    public String toAgency;

    /** Category names, comma separated. */
    public String categories;

    @Enumerated(EnumType.STRING)
    @Column(name = "max_handling_code")
    public HandlingCode maxHandlingCode;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** The signed document, for example the minutes of a Joint Working Committee meeting. */
    public String reference;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    public Set<String> categorySet() {
        return new TreeSet<>(Arrays.asList(categories.split(",")));
    }

    public boolean isParty(String agency) {
        return fromAgency.equals(agency) || toAgency.equals(agency);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
