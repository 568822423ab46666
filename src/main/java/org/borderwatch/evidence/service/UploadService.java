package org.borderwatch.evidence.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.Outcome;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.evidence.Evidence;
import org.borderwatch.evidence.EvidenceUpload;
import org.borderwatch.evidence.PartnerCopy;
import org.borderwatch.evidence.UploadStatus;
import org.borderwatch.evidence.repository.EvidenceRepository;
import org.borderwatch.evidence.repository.PartnerCopyRepository;
import org.borderwatch.evidence.repository.UploadRepository;
import org.borderwatch.report.service.ReportService;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.AgencyAccess;
import org.borderwatch.security.Caller;

/** The database side of resumable uploads: opening one, its state, abandoning it, and turning it into evidence. */
@ApplicationScoped
public class UploadService {

    private final UploadRepository uploads;
    private final EvidenceRepository evidence;
    private final PartnerCopyRepository copies;
    private final ReportService reports;
    private final AgencyAccess access;
    private final AuditRecorder audit;
    private final EvidenceConfig config;
    private final Clock clock;

    public UploadService(UploadRepository uploads, EvidenceRepository evidence, PartnerCopyRepository copies, ReportService reports, AgencyAccess access,
                         AuditRecorder audit, EvidenceConfig config, Clock clock) {
        this.uploads = uploads;
        this.evidence = evidence;
        this.copies = copies;
        this.reports = reports;
        this.access = access;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** What the phone declares when it opens an upload (tus Upload-Length and Upload-Metadata). */
    public record Declared(long length, String filename, String contentType, String sha256, Instant capturedAt) {
    }

    /** The partner copy of a photo, stored as an upload the server writes. */
    public record Copy(UUID uploadId, String contentType, long size, String sha256) {
    }

    /** Marks who "uploaded" a partner copy: no caller handles such an upload (tus HEAD, PATCH, DELETE are 404). */
    static final String PARTNER_COPY = "borderwatch:partner-copy";

    /** Opens an upload; a file over the limits is refused (413) before any byte is stored. */
    @WithTransaction
    public Uni<EvidenceUpload> open(Caller caller, UUID reportId, Declared declared) {
        if (!FileTypes.ACCEPTED.contains(declared.contentType())) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Evidence must be one of " + String.join(", ",
                    new java.util.TreeSet<>(FileTypes.ACCEPTED)) + ", not " + declared.contentType());
        }
        long max = config.maxSizeOf(declared.contentType());
        if (declared.length() > max) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A " + declared.contentType() + " file may be at most " + max + " bytes");
        }
        return reports.visibleForEvidence(caller, reportId, AuditAction.EVIDENCE_UPLOAD_START).chain(report -> evidence.totals(reportId)
                .chain(done -> uploads.inProgress(reportId).map(open -> {
                    long items = ((Number) done[0]).longValue() + ((Number) open[0]).longValue();
                    long bytes = ((Number) done[1]).longValue() + ((Number) open[1]).longValue();
                    if (items >= config.maxItemsPerReport()) {
                        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A report carries at most " + config.maxItemsPerReport()
                                + " evidence items (uploads in progress count)");
                    }
                    if (bytes + declared.length() > config.maxTotalPerReport().asLongValue()) {
                        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A report carries at most "
                                + config.maxTotalPerReport().asLongValue() + " bytes of evidence; " + bytes + " are taken");
                    }
                    return newUpload(caller, report.agency, reportId, declared);
                }))
                .call(upload -> uploads.add(upload).chain(uploads::flush))
                .call(upload -> audit.allowed(caller, AuditAction.EVIDENCE_UPLOAD_START, AuditedResource.evidence(upload.id, upload.agency))));
    }

    /** An upload the caller may continue; 404 for anyone else (recorded), 410 once it can no longer be continued. */
    @WithTransaction
    public Uni<EvidenceUpload> forUpload(Caller caller, UUID id, AuditAction action) {
        return handled(caller, id, action).map(upload -> {
            if (upload.status == UploadStatus.UPLOADING && upload.expiresAt.isBefore(clock.instant())) {
                throw new ProblemException(ProblemType.GONE, "Upload " + id + " expired at " + upload.expiresAt);
            }
            if (upload.status != UploadStatus.UPLOADING && upload.status != UploadStatus.COMPLETE) {
                throw new ProblemException(ProblemType.GONE, "Upload " + id + " is " + upload.status);
            }
            return upload;
        });
    }

    /** tus Termination: an unfinished upload is abandoned and its bytes reclaimed; finished evidence stays. */
    @WithTransaction
    public Uni<Void> abandon(Caller caller, UUID id) {
        return forUpload(caller, id, AuditAction.EVIDENCE_UPLOAD_ABANDON).chain(upload -> {
            if (upload.status == UploadStatus.COMPLETE) {
                throw new ProblemException(ProblemType.CONFLICT, "Upload " + id + " is complete: evidence is never deleted");
            }
            upload.status = UploadStatus.ABANDONED;
            upload.expiresAt = clock.instant();
            return uploads.flush()
                    .chain(() -> audit.allowed(caller, AuditAction.EVIDENCE_UPLOAD_ABANDON, AuditedResource.evidence(id, upload.agency)));
        });
    }

    /** Opens the server-written upload that holds a partner copy's bytes; a crash before completion leaves it to the reclaimer. */
    @WithTransaction
    public Uni<Void> openCopy(Caller caller, EvidenceUpload original, Copy copy) {
        EvidenceUpload upload = newUpload(caller, original.agency, original.reportId,
                new Declared(copy.size(), "partner-copy-" + original.id, copy.contentType(), copy.sha256(), null));
        upload.id = copy.uploadId();
        upload.uploadedBy = PARTNER_COPY;
        return uploads.add(upload).chain(uploads::flush).replaceWithVoid();
    }

    /**
     * The last byte arrived and was checked: the upload becomes an evidence item of its report, with its partner copy
     * (or none). Conditional on the upload still being open, so that it and the reclaimer cannot both win; a second
     * completion of the same upload (a zero-byte PATCH racing the last one) finds the evidence the first one made.
     */
    @WithTransaction
    public Uni<Evidence> complete(Caller caller, UUID id, String sha256, ImageFacts facts, Copy copy) {
        return uploads.closeIfOpen(id).chain(closed -> {
            if (closed == 0) {
                Uni<Integer> unused = copy == null ? Uni.createFrom().item(0) : uploads.abandonIfOpen(copy.uploadId(), clock.instant());
                return unused.chain(() -> evidence.byId(id)).map(done -> {
                    if (done == null) {
                        throw new ProblemException(ProblemType.GONE, "Upload " + id + " is no longer open; nothing became evidence");
                    }
                    return done;
                });
            }
            return uploads.byId(id).chain(upload -> reports.find(upload.reportId).chain(report -> {
                Evidence item = evidenceOf(upload, sha256, facts, report.lat, report.lon);
                return evidence.add(item).chain(evidence::flush)
                        .chain(() -> copy == null ? Uni.createFrom().voidItem() : addCopy(item, copy))
                        .chain(() -> audit.allowed(caller, AuditAction.EVIDENCE_UPLOAD, AuditedResource.evidence(id, upload.agency)))
                        .replaceWith(item);
            }));
        });
    }

    private Uni<Void> addCopy(Evidence item, Copy copy) {
        return uploads.closeIfOpen(copy.uploadId()).chain(closed -> {
            if (closed == 0) {
                throw new IllegalStateException("partner copy " + copy.uploadId() + " of " + item.id + " is no longer open");
            }
            PartnerCopy row = new PartnerCopy();
            row.evidenceId = item.id;
            row.copyUploadId = copy.uploadId();
            row.contentType = copy.contentType();
            row.size = copy.size();
            row.sha256 = copy.sha256();
            row.createdAt = item.createdAt;
            return copies.add(row).chain(copies::flush).replaceWithVoid();
        });
    }

    private Evidence evidenceOf(EvidenceUpload upload, String sha256, ImageFacts facts, double reportLat, double reportLon) {
        Evidence item = new Evidence();
        item.id = upload.id;
        item.reportId = upload.reportId;
        item.agency = upload.agency;
        item.uploadId = upload.id;
        item.filename = upload.filename;
        item.contentType = upload.contentType;
        item.size = upload.length;
        item.sha256 = sha256;
        item.capturedAt = upload.capturedAt;
        item.exifTakenAt = facts.takenAt();
        item.camera = facts.camera();
        item.gpsLat = facts.lat();
        item.gpsLon = facts.lon();
        item.locationFlag = locationFlag(facts, reportLat, reportLon);
        item.uploadedBy = upload.uploadedBy;
        item.createdAt = clock.instant();
        return item;
    }

    /** The bytes did not match what was declared: nothing becomes evidence, and the attempt is recorded. */
    @WithTransaction
    public Uni<Void> fail(Caller caller, UUID id, String reason) {
        return uploads.byId(id).chain(upload -> {
            upload.status = UploadStatus.FAILED;
            upload.expiresAt = clock.instant();
            return uploads.flush().chain(() -> audit.refused(caller, AuditAction.EVIDENCE_UPLOAD,
                    AuditedResource.evidence(id, upload.agency), Outcome.FAILED, reason));
        });
    }

    /**
     * Marks a lapsed upload EXPIRED before its bytes are reclaimed, only if it is still unfinished and lapsed: false when
     * it completed (or was marked) first, and then nothing may be deleted.
     */
    @WithTransaction
    public Uni<Boolean> expire(UUID id) {
        return uploads.expireIfLapsed(id, clock.instant()).chain(previous -> previous == null ? Uni.createFrom().item(false)
                : (previous == UploadStatus.UPLOADING
                        ? uploads.byId(id).chain(upload -> audit.allowed(null, AuditAction.EVIDENCE_UPLOAD_EXPIRE,
                                AuditedResource.evidence(id, upload.agency)))
                        : Uni.createFrom().voidItem()).replaceWith(true));
    }

    private Uni<EvidenceUpload> handled(Caller caller, UUID id, AuditAction action) {
        return uploads.byId(id).map(upload -> {
            if (upload == null || PARTNER_COPY.equals(upload.uploadedBy) || !access.canHandleUpload(caller, upload.agency, upload.uploadedBy)) {
                throw AccessDeniedException.hidden(caller, action, AuditedResource.evidence(id, upload == null ? null : upload.agency),
                        upload != null);
            }
            return upload;
        });
    }

    private EvidenceUpload newUpload(Caller caller, String agency, UUID reportId, Declared declared) {
        EvidenceUpload upload = new EvidenceUpload();
        upload.id = UUID.randomUUID();
        upload.reportId = reportId;
        upload.agency = agency;
        upload.uploadedBy = caller.subject();
        upload.filename = declared.filename();
        upload.contentType = declared.contentType();
        upload.declaredSha256 = declared.sha256();
        upload.capturedAt = declared.capturedAt();
        upload.length = declared.length();
        upload.status = UploadStatus.UPLOADING;
        upload.createdAt = clock.instant();
        upload.expiresAt = upload.createdAt.plus(config.uploadExpiry());
        return upload;
    }

    private String locationFlag(ImageFacts facts, double reportLat, double reportLon) {
        if (facts.lat() == null) {
            return null;
        }
        double metres = ImageFacts.metres(facts.lat(), facts.lon(), reportLat, reportLon);
        return metres > config.gpsFlagDistanceMeters()
                ? String.format(java.util.Locale.ROOT, "photo taken %.0f m from the report's location", metres) : null;
    }
}
