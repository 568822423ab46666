package org.borderwatch.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message in a share's thread, written by either agency. Never changed. */
@Entity
@Table(name = "share_message")
public class ShareMessage {

    @Id
    public UUID id;

    @Column(name = "share_id")
    public UUID shareId;

    @Enumerated(EnumType.STRING)
    public MessageKind kind;

    public String author;

    @Column(name = "author_agency")
    public String authorAgency;

    public String body;

    /** When a request for information must be answered. */
    @Column(name = "due_at")
    public Instant dueAt;

    /** The request a response answers. */
    public UUID answers;

    /** The partner installation it was received from, never sent back there; null when written here. */
    @Column(name = "origin_installation")
    public String originInstallation;

    @Column(name = "created_at")
    public Instant createdAt;
}
