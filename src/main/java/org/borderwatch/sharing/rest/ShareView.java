package org.borderwatch.sharing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.Redaction;
import org.borderwatch.sharing.ShareStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Share", description = "A case released to a partner agency. The owner also sees the redaction profile, who asked and who "
        + "approved; the recipient sees the snapshots only while the share is ACTIVE.",
        example = "{\"id\":\"9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f\",\"caseId\":\"7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b\",\"fromAgency\":\"VN-QN\","
                + "\"toAgency\":\"CN-GX\",\"handlingCode\":\"H1\",\"purpose\":\"Joint investigation of the Bac Luan II route\","
                + "\"expiresAt\":\"2027-01-31T00:00:00Z\",\"categories\":[\"DRUGS\"],\"status\":\"ACTIVE\",\"latestVersion\":1,"
                + "\"openRequests\":0,\"overdueRequests\":0,\"version\":0}")
public record ShareView(
        @Schema(description = "Share id.", example = "9c1f0a7e-3d2b-4c5a-8e6f-1b2a3c4d5e6f") UUID id,
        @Schema(description = "The released case (owner's view only).", example = "7d0e2c1a-5b4f-4e3d-9c2b-1a0f9e8d7c6b") UUID caseId,
        @Schema(description = "Releasing agency.", example = "VN-QN") String fromAgency,
        @Schema(description = "Receiving agency.", example = "CN-GX") String toAgency,
        @Schema(description = "The agreement it was released under.", example = "5a3e9c1d-2b4f-4d6e-8a1c-3f5e7d9b1a2c") UUID agreementId,
        HandlingCode handlingCode,
        @Schema(description = "Restrictions of an H3 release.", example = "Not to be shown to customs") String conditions,
        @Schema(description = "Why it was released.", example = "Joint investigation of the Bac Luan II route") String purpose,
        @Schema(description = "When access ends.", example = "2027-01-31T00:00:00Z") Instant expiresAt,
        Redaction redaction,
        @Schema(description = "Categories of the case.", example = "[\"DRUGS\"]") Set<String> categories,
        ShareStatus status,
        @Schema(description = "Why it ended (revocation reason or expiry).", example = "Operation compromised") String endReason,
        @Schema(description = "When it ended.", example = "2026-12-01T00:00:00Z") Instant endedAt,
        @Schema(description = "Who asked for the release (owner's view only).", example = "3f1c2b9e-0d7a-4a51-9b1e-6f2d8c4e7a10") String requestedBy,
        @Schema(description = "Who approved it (owner's view only).", example = "8e2a4c6d-1b3f-4a5e-9c7d-0f1e2d3c4b5a") String approvedBy,
        @Schema(description = "When it was approved or, without four-eyes, released.", example = "2026-11-21T02:00:00Z") Instant releasedAt,
        @Schema(description = "When the recipient acknowledged it.", example = "2026-11-21T03:00:00Z") Instant acknowledgedAt,
        @Schema(description = "Version of the latest snapshot.", example = "1") Integer latestVersion,
        @Schema(description = "Requests for information not yet answered.", example = "0") Integer openRequests,
        @Schema(description = "Requests for information unanswered past their due date.", example = "0") Integer overdueRequests,
        @Schema(description = "When it was requested.", example = "2026-11-21T02:00:00Z") Instant createdAt,
        @Schema(description = "Version number of the share record; also the ETag.", example = "0") int version,
        @Schema(description = "The released snapshots, oldest first (when one share is read).") List<SnapshotView> snapshots,
        @Schema(description = "The partner installation that released it, for a share received by federation; absent when released "
                + "in this installation.", example = "borderwatch.vn-qn") String origin) {

    @RegisterForReflection
    @Schema(name = "SharePage", description = "A page of shares, newest first.", example = "{\"items\":[],\"nextCursor\":null}")
    public record Page(
            @Schema(description = "The shares.") List<ShareView> items,
            @Schema(description = "Cursor for the next page; null at the end.", example = "aW5ib3h8MjAyNi0xMS0yMVQwMjowMDowMFp8OWMxZg", nullable = true) String nextCursor) {
    }
}
