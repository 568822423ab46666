package org.borderwatch.sharing.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.borderwatch.common.validation.SafeText;
import org.borderwatch.sharing.Redaction;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.ShareSnapshot;
import org.borderwatch.sharing.ShareStatus;
import org.borderwatch.sharing.SharedCase;
import org.borderwatch.sharing.service.ShareDetail;

/** Shares as each side sees them: the owner sees everything about its release, the recipient what was released. */
@ApplicationScoped
public class ShareViews {

    private final ObjectMapper json;
    private final Clock clock;

    public ShareViews(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public ShareView forOwner(ShareDetail detail) {
        Share s = detail.share();
        Redaction stored = read(s.redaction, Redaction.class);
        Redaction profile = new Redaction(stored.exactLocation(), stored.personIdentifiers(), stored.sources(), stored.narrativeRelease(),
                stored.evidence());
        return view(detail, s.caseId, profile, s.requestedBy, s.approvedBy);
    }

    public ShareView forRecipient(ShareDetail detail) {
        return view(detail, null, null, null, null);
    }

    private ShareView view(ShareDetail detail, java.util.UUID caseId, Redaction redaction, String requestedBy, String approvedBy) {
        Share s = detail.share();
        Instant now = clock.instant();
        ShareStatus status = s.statusAt(now);
        String endReason = status == ShareStatus.EXPIRED && s.endReason == null ? "expired at " + s.expiresAt : s.endReason;
        Instant endedAt = status == ShareStatus.EXPIRED && s.endedAt == null ? s.expiresAt : s.endedAt;
        List<SnapshotView> snapshots = detail.snapshots().isEmpty() ? null : detail.snapshots().stream().map(this::snapshot).toList();
        return new ShareView(s.id, caseId, s.fromAgency, s.toAgency, s.agreementId, s.handlingCode, s.conditions, s.purpose, s.expiresAt,
                redaction, s.categorySet(), status, endReason, endedAt, requestedBy, approvedBy, s.approvedAt, s.acknowledgedAt,
                detail.latestVersion() == 0 ? null : detail.latestVersion(), detail.thread().open(), detail.thread().overdue(),
                s.createdAt, s.version, snapshots, s.originInstallation);
    }

    private SnapshotView snapshot(ShareSnapshot snapshot) {
        return new SnapshotView(snapshot.version, snapshot.publishedAt, snapshot.signed != null, read(snapshot.content, SharedCase.class));
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return SafeText.storedReader(json, type).readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored share content is unreadable", e);
        }
    }
}
