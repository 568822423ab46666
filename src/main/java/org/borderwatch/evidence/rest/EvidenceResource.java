package org.borderwatch.evidence.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.rest.AccessLine;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.Awaiting;
import org.borderwatch.common.web.Params;
import org.borderwatch.common.web.Purposes;
import org.borderwatch.evidence.service.EvidenceService;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evidence/{id}")
@Tag(name = "Evidence")
public class EvidenceResource {

    private final CallerResolver callers;
    private final EvidenceService evidence;
    private final EvidenceDownload downloads;
    private final PageLimit pageLimit;

    public EvidenceResource(CallerResolver callers, EvidenceService evidence, EvidenceDownload downloads, PageLimit pageLimit) {
        this.callers = callers;
        this.evidence = evidence;
        this.downloads = downloads;
        this.pageLimit = pageLimit;
    }

    @GET
    @Produces(MediaType.WILDCARD)
    @Blocking
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.LIAISON})
    @Operation(operationId = "downloadEvidence", summary = "Download the original, or a partner its partner copy", description = "The original for the "
            + "report's officer and its agency's supervisors. A liaison of an agency it was released to (the latest snapshot of an approved, "
            + "ACTIVE share of the case its report is still in) gets the partner copy: every embedded metadata block removed, named by the "
            + "evidence id, its SHA-256 the one the snapshot states. Requires X-Access-Purpose (428), recorded in the chain of custody. "
            + "Supports a single Range (206; 416 when unsatisfiable). ETag is the SHA-256 of the bytes served; served as an attachment with nosniff.")
    @APIResponse(responseCode = "200", description = "The file, bit-exact (the original, or the partner copy).",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "binary", description = "The bytes of the file.", example = "(binary)")))
    @APIResponse(responseCode = "206", description = "The requested range.")
    public Response download(
            @Parameter(description = "Evidence id.", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") @PathParam("id") String id,
            @Parameter(description = "Why the evidence is downloaded (at least 10 characters).", example = "Court file 2026/118")
            @HeaderParam(Purposes.HEADER) String purpose,
            @Parameter(description = "One byte range.", example = "bytes=0-1023") @HeaderParam("Range") String range) throws SQLException {
        UUID evidenceId = Params.uuid("id", id);
        Purposes.require(purpose, "evidence is downloaded");
        return downloads.serve(Awaiting.await(callers::current), evidenceId, range);
    }

    @GET
    @Path("metadata")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.LIAISON})
    @Operation(operationId = "readEvidenceMetadata", summary = "Read an evidence item's facts", description = "For the owner's readers: size, type, "
            + "SHA-256, declared and EXIF capture time, camera, GPS and the location flag. For a partner liaison the partner view: the partner "
            + "copy's type, size and SHA-256 and the declared capture time; the position only when the release gives the exact location; never "
            + "uploader, report, file name or camera. The same readers as the download. Recorded in the chain of custody.")
    @APIResponse(responseCode = "200", description = "The item.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {EvidenceView.class, PartnerEvidenceView.class})))
    public Uni<Object> metadata(
            @Parameter(description = "Evidence id.", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") @PathParam("id") String id) {
        UUID evidenceId = Params.uuid("id", id);
        return callers.current().chain(caller -> evidence.read(caller, evidenceId, AuditAction.EVIDENCE_METADATA_READ))
                .map(access -> access.partner() ? PartnerEvidenceView.of(access) : EvidenceView.of(access.item()));
    }

    @GET
    @Path("custody")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(operationId = "readCustody", summary = "Chain of custody", description = "Every upload, download and metadata read of the item, oldest first: who, for which "
            + "agency, when, what, for what stated purpose, with what outcome. For the owning agency's supervisors and auditors.")
    @APIResponse(responseCode = "200", description = "A page of the custody trail.")
    public Uni<CustodyPage> custody(
            @Parameter(description = "Evidence id.", example = "4c2d8e1f-7a6b-4d3c-9e5f-0a1b2c3d4e5f") @PathParam("id") String id,
            @Parameter(description = "Cursor from the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        UUID evidenceId = Params.uuid("id", id);
        int size = pageLimit.resolve(Params.integer("limit", limit));
        String after = Params.text("cursor", cursor, 512);
        return callers.current().chain(caller -> evidence.custody(caller, evidenceId, after, size))
                .map(custody -> new CustodyPage(custody.page().items().stream().map(AccessLine::of).toList(), custody.page().nextCursor(),
                        custody.copy() == null ? null : new PartnerCopyLine(custody.copy().sha256, custody.copy().size, custody.copy().createdAt)));
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    @Schema(name = "CustodyPage", description = "The chain of custody of an evidence item, oldest first, and the partner copy made of it.",
            example = "{\"items\":[],\"nextCursor\":null}")
    public record CustodyPage(
            @Schema(description = "The accesses.") List<AccessLine> items,
            @Schema(description = "Cursor for the next page; null at the end.", example = "dHJhaWx8MjAyNi0xMS0yMVQwMjowMDowMFp8NGMyZA", nullable = true) String nextCursor,
            @Schema(description = "The partner copy (every embedded metadata block removed) made when the upload completed; absent for "
                    + "types that have none.") PartnerCopyLine partnerCopy) {
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    @Schema(name = "PartnerCopy", description = "The derivative partners receive instead of the original.",
            example = "{\"sha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\",\"size\":2480112,\"madeAt\":\"2026-11-20T14:45:10Z\"}")
    public record PartnerCopyLine(
            @Schema(description = "Hex SHA-256 of the partner copy.", example = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b") String sha256,
            @Schema(description = "Its size in bytes.", example = "2480112") long size,
            @Schema(description = "When it was made.", example = "2026-11-20T14:45:10Z") java.time.Instant madeAt) {
    }
}
