package org.borderwatch.evidence.rest;

import static org.borderwatch.evidence.rest.UploadResource.HTTP_DATE;
import static org.borderwatch.evidence.rest.UploadResource.requireTus;
import static org.borderwatch.evidence.rest.UploadResource.tus;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.borderwatch.common.web.Params;
import org.borderwatch.evidence.service.UploadService;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tus creation endpoint of a report's evidence; the upload then continues at /api/v1/uploads/{id}. */
@Path("/api/v1/reports/{id}/evidence")
@Tag(name = "Evidence")
public class ReportEvidenceResource {

    private final CallerResolver callers;
    private final UploadService uploads;

    public ReportEvidenceResource(CallerResolver callers, UploadService uploads) {
        this.callers = callers;
        this.uploads = uploads;
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "openUpload", summary = "Open an evidence upload (tus Creation)", description = "For the report's officer and its agency's supervisors (others 404). "
            + "Upload-Length is the file's size; Upload-Metadata carries filename, contentType (image/jpeg, image/png, image/heic, image/webp, "
            + "video/mp4, video/quicktime, application/pdf), sha256 (hex, computed at capture) and optionally capturedAt (RFC 3339), each "
            + "base64 as tus says. Over a limit is 413 and another type 415, before any byte is stored.")
    @APIResponse(responseCode = "201", description = "Location of the upload; Upload-Expires says when an unfinished upload is reclaimed.")
    public Uni<Response> open(
            @Parameter(description = "Report id.", example = "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51") @PathParam("id") String id,
            @Parameter(description = "tus protocol version.", example = "1.0.0") @HeaderParam("Tus-Resumable") String tus,
            @Parameter(description = "Size of the file in bytes.", example = "2481733") @HeaderParam("Upload-Length") String length,
            @Parameter(description = "tus metadata: comma-separated 'key base64(value)'.",
                    example = "filename SU1HXzA0MTIuanBn,contentType aW1hZ2UvanBlZw==") @HeaderParam("Upload-Metadata") String metadata) {
        UUID reportId = Params.uuid("id", id);
        requireTus(tus);
        UploadService.Declared declared = UploadMetadata.parse(length, metadata);
        return callers.current().chain(caller -> uploads.open(caller, reportId, declared))
                .map(upload -> tus(Response.created(URI.create("/api/v1/uploads/" + upload.id)))
                        .header("Upload-Expires", HTTP_DATE.format(upload.expiresAt)).build());
    }
}
