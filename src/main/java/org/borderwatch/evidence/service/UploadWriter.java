package org.borderwatch.evidence.service;

import static org.borderwatch.common.Awaiting.await;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.evidence.EvidenceUpload;
import org.borderwatch.evidence.UploadStatus;
import org.borderwatch.evidence.repository.PieceRepository;
import org.borderwatch.evidence.storage.EvidenceStore;
import org.borderwatch.security.Caller;

/**
 * The blocking half of a tus PATCH, on a worker thread: streams the request body into storage one piece at a
 * time (never the whole file in memory), and when the last byte is in, checks the whole file's SHA-256 and real
 * type before it becomes evidence.
 */
@ApplicationScoped
public class UploadWriter {

    private final UploadService uploads;
    private final PieceRepository pieces;

    public UploadWriter(UploadService uploads, PieceRepository pieces) {
        this.uploads = uploads;
        this.pieces = pieces;
    }

    /** Appends the body at the claimed offset and answers the new offset. */
    public long append(Caller caller, UUID id, long claimedOffset, InputStream body, String uploadChecksum) throws SQLException, IOException {
        EvidenceUpload upload = await(() -> uploads.forUpload(caller, id, AuditAction.EVIDENCE_UPLOAD));
        if (upload.status == UploadStatus.COMPLETE || claimedOffset != upload.offset) {
            throw new ProblemException(ProblemType.CONFLICT, "Upload-Offset " + claimedOffset + " does not match the upload's offset "
                    + upload.offset);
        }
        MessageDigest patchDigest = uploadChecksum == null ? null : sha256();
        long offset = upload.offset;
        byte[] piece = new byte[EvidenceStore.PIECE_SIZE];
        int filled = 0;
        for (int read; (read = body.read(piece, filled, piece.length - filled)) != -1; ) {
            if (offset + filled + read > upload.length) {
                pieces.truncate(id, upload.offset);
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The body goes past Upload-Length " + upload.length);
            }
            if (patchDigest != null) {
                patchDigest.update(piece, filled, read);
            }
            filled += read;
            if (filled == piece.length) {
                offset = store(caller, upload, offset, piece, filled);
                filled = 0;
            }
        }
        if (filled > 0) {
            offset = store(caller, upload, offset, piece, filled);
        }
        if (patchDigest != null && !Base64.getEncoder().encodeToString(patchDigest.digest()).equals(expectedChecksum(uploadChecksum))) {
            pieces.truncate(id, upload.offset);
            throw new ProblemException(ProblemType.CHECKSUM_MISMATCH, "Upload-Checksum does not match the body; the chunk was discarded");
        }
        if (offset == upload.length) {
            finish(caller, upload);
        }
        return offset;
    }

    /** tus Checksum: "sha256 <base64>"; any other algorithm is 400 as the extension says. */
    public static String expectedChecksum(String header) {
        String[] parts = header.trim().split(" ");
        if (parts.length != 2 || !parts[0].equals("sha256")) {
            throw ProblemException.invalid("Upload-Checksum", "must be 'sha256 <base64 digest>'; sha256 is the only algorithm supported");
        }
        return parts[1];
    }

    private long store(Caller caller, EvidenceUpload upload, long offset, byte[] piece, int length) throws SQLException {
        if (offset == 0 && length >= FileTypes.HEAD) {
            refuseIfNotDeclaredType(caller, upload, Arrays.copyOf(piece, FileTypes.HEAD));
        }
        try {
            pieces.append(upload.id, offset, piece, length);
        } catch (PieceRepository.OffsetMoved moved) {
            throw new ProblemException(ProblemType.CONFLICT, "Another request moved upload " + upload.id + " past offset " + offset);
        }
        return offset + length;
    }

    private void finish(Caller caller, EvidenceUpload upload) throws SQLException, IOException {
        MessageDigest digest = sha256();
        byte[] head = new byte[FileTypes.HEAD];
        int headLength = 0;
        try (InputStream stored = pieces.open(upload.id, 0, upload.length)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = stored.read(buffer)) != -1; ) {
                if (headLength < head.length) {
                    int take = Math.min(read, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, read);
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(upload.declaredSha256)) {
            reject(caller, upload, ProblemType.CHECKSUM_MISMATCH, "the file's SHA-256 is " + actual + ", not the declared "
                    + upload.declaredSha256 + "; nothing became evidence");
        }
        refuseIfNotDeclaredType(caller, upload, Arrays.copyOf(head, headLength));
        ImageFacts facts = ImageFacts.NONE;
        if (FileTypes.isImage(upload.contentType)) {
            try (InputStream image = pieces.open(upload.id, 0, upload.length)) {
                facts = ImageFacts.read(image);
            }
        }
        ImageFacts found = facts;
        UploadService.Copy copy = partnerCopy(caller, upload);
        await(() -> uploads.complete(caller, upload.id, actual, found, copy));
    }

    /**
     * Makes and stores the partner copy of a photo (read whole: photos are at most max-file-size), so that a release
     * later needs no file I/O; null for types that have none (they cannot be released).
     */
    private UploadService.Copy partnerCopy(Caller caller, EvidenceUpload upload) throws SQLException, IOException {
        if (!MetadataStripper.SUPPORTED.contains(upload.contentType)) {
            return null;
        }
        byte[] original;
        try (InputStream stored = pieces.open(upload.id, 0, upload.length)) {
            original = stored.readAllBytes();
        }
        byte[] stripped = MetadataStripper.strip(upload.contentType, original).orElse(null);
        if (stripped == null) {
            return null;
        }
        UploadService.Copy copy = new UploadService.Copy(UUID.randomUUID(), upload.contentType, stripped.length,
                HexFormat.of().formatHex(sha256().digest(stripped)));
        await(() -> uploads.openCopy(caller, upload, copy));
        for (int start = 0; start < stripped.length; start += EvidenceStore.PIECE_SIZE) {
            int length = Math.min(EvidenceStore.PIECE_SIZE, stripped.length - start);
            try {
                pieces.append(copy.uploadId(), start, Arrays.copyOfRange(stripped, start, start + length), length);
            } catch (PieceRepository.OffsetMoved moved) {
                throw new IllegalStateException("partner copy " + copy.uploadId() + " was moved while written", moved);
            }
        }
        return copy;
    }

    private void refuseIfNotDeclaredType(Caller caller, EvidenceUpload upload, byte[] head) throws SQLException {
        String sniffed = FileTypes.sniff(head);
        if (!FileTypes.matches(upload.contentType, sniffed)) {
            reject(caller, upload, ProblemType.UNSUPPORTED_MEDIA_TYPE, "the bytes are " + (sniffed == null ? "not an accepted type" : sniffed)
                    + ", not the declared " + upload.contentType + "; nothing became evidence");
        }
    }

    private void reject(Caller caller, EvidenceUpload upload, ProblemType type, String reason) throws SQLException {
        pieces.deleteAll(upload.id);
        await(() -> uploads.fail(caller, upload.id, reason));
        throw new ProblemException(type, reason);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
