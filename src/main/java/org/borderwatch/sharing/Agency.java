package org.borderwatch.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A border guard command, customs office or police unit that files or receives cases. */
@Entity
@Table(name = "agency")
public class Agency {

    @Id
    public String code;

    public String country;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "name_vi")
    public String nameVi;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
