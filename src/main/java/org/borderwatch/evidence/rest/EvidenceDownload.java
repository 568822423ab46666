package org.borderwatch.evidence.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.common.Awaiting;
import org.borderwatch.evidence.Evidence;
import org.borderwatch.evidence.repository.PieceRepository;
import org.borderwatch.evidence.service.EvidenceService;
import org.borderwatch.security.Caller;

/**
 * An evidence file as a response, for every channel that serves one (the API, the console): the original for the
 * owner's readers, the partner copy for a partner, recorded in the chain of custody with the stated purpose. Blocking:
 * the bytes stream from the store on a worker thread in constant memory.
 */
@ApplicationScoped
public class EvidenceDownload {

    private final EvidenceService evidence;
    private final PieceRepository pieces;

    public EvidenceDownload(EvidenceService evidence, PieceRepository pieces) {
        this.evidence = evidence;
        this.pieces = pieces;
    }

    public Response serve(Caller caller, UUID evidenceId, String range) throws SQLException {
        EvidenceService.Access item = Awaiting.await(() -> evidence.read(caller, evidenceId, AuditAction.EVIDENCE_DOWNLOAD,
                found -> ByteRange.parse(range, found.size())));
        ByteRange wanted = ByteRange.parse(range, item.size());
        InputStream bytes = pieces.open(item.bytes(), wanted.first(), wanted.last() + 1);
        StreamingOutput body = out -> {
            try (InputStream in = bytes) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = wanted.partial()
                ? Response.status(206).header("Content-Range", "bytes " + wanted.first() + "-" + wanted.last() + "/" + item.size())
                : Response.ok();
        return response.entity(body).type(item.item().contentType).header(HttpHeaders.CONTENT_LENGTH, wanted.length())
                .header(HttpHeaders.ETAG, "\"" + item.sha256() + "\"").header("Accept-Ranges", "bytes")
                .header("Content-Disposition", disposition(item.partner() ? partnerName(item.item()) : item.item().filename))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** A partner copy's name says nothing of the phone's file name. */
    static String partnerName(Evidence item) {
        return "evidence-" + item.id + (item.contentType.equals("image/png") ? ".png" : ".jpg");
    }

    /** A safe attachment header: an ASCII fallback without quotes or separators, and the exact name per RFC 6266/5987. */
    static String disposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
