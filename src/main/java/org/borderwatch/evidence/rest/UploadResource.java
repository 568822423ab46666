package org.borderwatch.evidence.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.borderwatch.common.Awaiting;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.common.web.Params;
import org.borderwatch.evidence.UploadStatus;
import org.borderwatch.evidence.service.EvidenceConfig;
import org.borderwatch.evidence.service.UploadService;
import org.borderwatch.evidence.service.UploadWriter;
import org.borderwatch.security.Caller;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evidence uploads over the tus 1.0.0 protocol: Core, Creation, Checksum (sha256), Termination and Expiration. */
@Path("/api/v1/uploads")
@Tag(name = "Evidence", description = "Photos, video and documents: resumable uploads (tus 1.0.0) with proven integrity, downloads, custody.")
public class UploadResource {

    public static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final CallerResolver callers;
    private final UploadService uploads;
    private final UploadWriter writer;
    private final EvidenceConfig config;

    public UploadResource(CallerResolver callers, UploadService uploads, UploadWriter writer, EvidenceConfig config) {
        this.callers = callers;
        this.uploads = uploads;
        this.writer = writer;
        this.config = config;
    }

    @OPTIONS
    @PermitAll
    @Operation(operationId = "discoverUploads", summary = "tus discovery", description = "The tus version, extensions, checksum algorithm and largest file this server takes.")
    @APIResponse(responseCode = "204", description = "Tus-Version, Tus-Extension, Tus-Checksum-Algorithm and Tus-Max-Size headers.")
    public Response discover() {
        return Response.noContent().header("Tus-Resumable", TUS_VERSION).header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,checksum,termination,expiration").header("Tus-Checksum-Algorithm", "sha256")
                .header("Tus-Max-Size", Math.max(config.maxFileSize().asLongValue(), config.maxVideoSize().asLongValue())).build();
    }

    @HEAD
    @Path("{uploadId}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "readUploadOffset", summary = "Where an upload stands (tus Core)", description = "Upload-Offset is how many bytes are safely stored: resume from there.")
    @APIResponse(responseCode = "200", description = "Upload-Offset and Upload-Length headers.")
    public Uni<Response> offset(
            @Parameter(description = "Upload id.", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") @PathParam("uploadId") String uploadId,
            @Parameter(description = "tus protocol version.", example = "1.0.0") @HeaderParam("Tus-Resumable") String tus) {
        UUID id = Params.uuid("uploadId", uploadId);
        requireTus(tus);
        return callers.current().chain(caller -> uploads.forUpload(caller, id, org.borderwatch.audit.AuditAction.EVIDENCE_UPLOAD))
                .map(upload -> {
                    Response.ResponseBuilder response = tus(Response.ok()).header("Upload-Offset", upload.offset)
                            .header("Upload-Length", upload.length).header("Cache-Control", "no-store");
                    return (upload.status == UploadStatus.UPLOADING ? response.header("Upload-Expires", HTTP_DATE.format(upload.expiresAt))
                            : response).build();
                });
    }

    @PATCH
    @Path("{uploadId}")
    @Consumes(OFFSET_OCTET_STREAM)
    @Blocking
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "appendUpload", summary = "Append bytes (tus Core, Checksum)", description = "Appends the body at Upload-Offset, which must be the upload's "
            + "offset (409 otherwise). With Upload-Checksum 'sha256 <base64>' a chunk that does not match is discarded (460). When the last "
            + "byte arrives the whole file's SHA-256 must equal the declared one (460) and its bytes must be of the declared type (415); "
            + "then it becomes an evidence item of the report.")
    @APIResponse(responseCode = "204", description = "The new Upload-Offset.")
    @RequestBody(description = "The next bytes of the file.")
    public Response append(
            @Parameter(description = "Upload id.", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") @PathParam("uploadId") String uploadId,
            @Parameter(description = "tus protocol version.", example = "1.0.0") @HeaderParam("Tus-Resumable") String tus,
            @Parameter(description = "Offset the bytes start at.", example = "0") @HeaderParam("Upload-Offset") String offset,
            @Parameter(description = "'sha256 <base64 digest of this body>'.", example = "sha256 n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=")
            @HeaderParam("Upload-Checksum") String checksum,
            InputStream body) throws SQLException, IOException {
        UUID id = Params.uuid("uploadId", uploadId);
        requireTus(tus);
        long claimed = UploadMetadata.offset(offset);
        if (checksum != null) {
            UploadWriter.expectedChecksum(checksum);
        }
        Caller caller = Awaiting.await(callers::current);
        long now = writer.append(caller, id, claimed, body, checksum);
        return tus(Response.noContent()).header("Upload-Offset", now).build();
    }

    @POST
    @Path("{uploadId}")
    @Consumes(OFFSET_OCTET_STREAM)
    @Blocking
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "appendUploadOverridden", summary = "Append bytes, for clients that cannot send PATCH", description = "The same as PATCH when the request carries "
            + "X-HTTP-Method-Override: PATCH, as tus clients built on HttpURLConnection do; otherwise 405.")
    @APIResponse(responseCode = "204", description = "The new Upload-Offset.")
    @RequestBody(description = "The next bytes of the file.")
    public Response appendOverridden(
            @Parameter(description = "Upload id.", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") @PathParam("uploadId") String uploadId,
            @Parameter(description = "Must be PATCH.", example = "PATCH") @HeaderParam("X-HTTP-Method-Override") String override,
            @Parameter(description = "tus protocol version.", example = "1.0.0") @HeaderParam("Tus-Resumable") String tus,
            @Parameter(description = "Offset the bytes start at.", example = "0") @HeaderParam("Upload-Offset") String offset,
            @Parameter(description = "'sha256 <base64 digest of this body>'.", example = "sha256 n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=")
            @HeaderParam("Upload-Checksum") String checksum,
            InputStream body) throws SQLException, IOException {
        if (!"PATCH".equalsIgnoreCase(override)) {
            throw new ProblemException(ProblemType.METHOD_NOT_ALLOWED, "POST on an upload is only PATCH with X-HTTP-Method-Override: PATCH");
        }
        return append(uploadId, tus, offset, checksum, body);
    }

    @DELETE
    @Path("{uploadId}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "abandonUpload", summary = "Abandon an upload (tus Termination)", description = "Its bytes are reclaimed; a finished upload is evidence and stays (409).")
    @APIResponse(responseCode = "204", description = "Abandoned.")
    public Uni<Response> abandon(
            @Parameter(description = "Upload id.", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") @PathParam("uploadId") String uploadId,
            @Parameter(description = "tus protocol version.", example = "1.0.0") @HeaderParam("Tus-Resumable") String tus) {
        UUID id = Params.uuid("uploadId", uploadId);
        requireTus(tus);
        return callers.current().chain(caller -> uploads.abandon(caller, id)).map(done -> tus(Response.noContent()).build());
    }

    static void requireTus(String version) {
        if (!TUS_VERSION.equals(version)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "Tus-Resumable must be " + TUS_VERSION
                    + " (this server speaks tus " + TUS_VERSION + ")").withHeader("Tus-Version", TUS_VERSION);
        }
    }

    static Response.ResponseBuilder tus(Response.ResponseBuilder response) {
        return response.header("Tus-Resumable", TUS_VERSION);
    }
}
