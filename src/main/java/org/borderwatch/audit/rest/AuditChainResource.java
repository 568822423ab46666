package org.borderwatch.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.repository.AuditChainRepository;
import org.borderwatch.audit.chain.ExportLine;
import org.borderwatch.audit.service.AuditExportService;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.audit.service.AuditVerifier;
import org.borderwatch.common.Completing;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.web.Params;
import org.borderwatch.common.web.Purposes;
import org.borderwatch.security.CallerResolver;
import org.borderwatch.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
@Tag(name = "Audit")
public class AuditChainResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final CallerResolver callers;
    private final AuditVerifier verifier;
    private final AuditChainRepository chain;
    private final AuditRecorder audit;
    private final PageLimit pageLimit;
    private final AuditExportService exports;

    public AuditChainResource(CallerResolver callers, AuditVerifier verifier, AuditChainRepository chain, AuditRecorder audit,
                              PageLimit pageLimit, AuditExportService exports) {
        this.exports = exports;
        this.callers = callers;
        this.verifier = verifier;
        this.chain = chain;
        this.audit = audit;
        this.pageLimit = pageLimit;
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AuditVerification", description = "The outcome of recomputing the chain: ok with the range checked, or the first bad position and what is wrong.",
            example = "{\"ok\":false,\"position\":1042,\"problem\":\"MODIFIED\"}")
    public record Verification(
            @Schema(description = "Whether the range is intact.", example = "false") boolean ok,
            @Schema(description = "First position checked.", example = "1") Long from,
            @Schema(description = "Last position checked (at most 100,000 after from; call again from to + 1).", example = "5000") Long to,
            @Schema(description = "First bad position.", example = "1042") Long position,
            @Schema(description = "MODIFIED, MISSING, REORDERED, TRUNCATED (the tail after the last checkpoint is gone) or FORKED (the database contradicts a witnessed checkpoint).", example = "MODIFIED") String problem) {
    }

    @RegisterForReflection
    @Schema(name = "AuditCheckpoint", description = "A signed checkpoint: the chain up to lastPosition ended in lastHash.",
            example = "{\"number\":3,\"firstPosition\":20001,\"lastPosition\":30000,\"lastHash\":\"9f2c…\",\"keyId\":\"borderwatch-audit-1\",\"signedAt\":\"2026-11-22T08:00:00Z\",\"jws\":\"eyJ…\"}")
    public record Checkpoint(
            @Schema(description = "Checkpoint number.", example = "3") long number,
            @Schema(description = "First position it covers.", example = "20001") long firstPosition,
            @Schema(description = "Last position it covers.", example = "30000") long lastPosition,
            @Schema(description = "Hash at lastPosition (hex SHA-256).", example = "9f2c0e…") String lastHash,
            @Schema(description = "Signature of the previous checkpoint.", example = "kQ3…") String previousSignature,
            @Schema(description = "Id of the signing key (see /.well-known/jwks.json).", example = "borderwatch-audit-1") String keyId,
            @Schema(description = "When it was signed.", example = "2026-11-22T08:00:00Z") Instant signedAt,
            @Schema(description = "The checkpoint as a compact RS256 JWS.", example = "eyJhbGciOiJSUzI1NiJ9.eyJ…") String jws) {
    }

    @RegisterForReflection
    @Schema(name = "AuditCheckpointPage", description = "Checkpoints, oldest first.", example = "{\"items\":[],\"nextCursor\":null}")
    public record CheckpointPage(
            @Schema(description = "The checkpoints.") List<Checkpoint> items,
            @Schema(description = "Checkpoint number to continue after; null at the end.", example = "50", nullable = true) String nextCursor) {
    }

    @GET
    @Path("verify")
    @Operation(operationId = "verifyAccessLog", summary = "Verify the access log", description = "Recomputes the hash chain over positions [from, to] (default: all, at most "
            + "100,000 per call) and checks the signed checkpoints; answers the range checked, or the first bad position and the problem.")
    @APIResponse(responseCode = "200", description = "The verification result.")
    public Uni<Verification> verify(
            @Parameter(description = "First position (default 1).", example = "1") @QueryParam("from") String from,
            @Parameter(description = "Last position (default: the last sealed).", example = "5000") @QueryParam("to") String to) {
        Long first = position("from", from);
        Long last = position("to", to);
        return callers.current()
                .call(caller -> audit.recordAlone(caller, AuditAction.AUDIT_VERIFY, new AuditedResource("AUDIT_LOG", "chain", caller.agency())))
                .chain(caller -> verifier.verify(first, last))
                .map(r -> new Verification(r.ok(), r.from(), r.to(), r.position(), r.problem() == null ? null : r.problem().name()));
    }

    @GET
    @Path("export")
    @Produces(NDJSON)
    @org.jboss.resteasy.reactive.RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export the sealed access log (NDJSON)",
            description = "Streams the chain from position `from` to `to` as one JSON object per line: position, hash, event digest and the "
                    + "event's fields (withheld, digest only, for events neither done by nor about the auditor's agency). With the "
                    + "checkpoints and /.well-known/jwks.json it is enough to verify the log offline (VerifyAuditExport). "
                    + "Requires X-Access-Purpose (428 without it); the export is itself logged. Send Accept: text/csv for CSV.")
    @APIResponse(responseCode = "200", description = "The export, streamed.")
    public Multi<ExportLine> exportNdjson(
            @Parameter(description = "Why the log is exported (at least 10 characters).", example = "Quarterly review 2026-Q4") @HeaderParam("X-Access-Purpose") String purpose,
            @Parameter(description = "First position (default 1).", example = "1") @QueryParam("from") String from,
            @Parameter(description = "Last position (default: all).", example = "100000") @QueryParam("to") String to) {
        return export(purpose, from, to);
    }

    @GET
    @Path("export")
    @Produces(CSV)
    @Operation(operationId = "exportAccessLog", summary = "Export the sealed access log (CSV)", description = "As the NDJSON export, one CSV row per position, with a header row.")
    @APIResponse(responseCode = "200", description = "The export, streamed.")
    public Multi<String> exportCsv(
            @Parameter(description = "Why the log is exported (at least 10 characters).", example = "Quarterly review 2026-Q4") @HeaderParam("X-Access-Purpose") String purpose,
            @Parameter(description = "First position (default 1).", example = "1") @QueryParam("from") String from,
            @Parameter(description = "Last position (default: all).", example = "100000") @QueryParam("to") String to) {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(ExportLine.csvHeader()),
                export(purpose, from, to).map(ExportLine::csv));
    }

    private Multi<ExportLine> export(String purpose, String from, String to) {
        Purposes.require(purpose, "the log is exported");
        Long first = position("from", from);
        Long last = position("to", to);
        return Multi.createFrom().uni(Completing.evenIfCancelled(callers.current()
                        .call(caller -> audit.recordAlone(caller, AuditAction.AUDIT_EXPORT, new AuditedResource("AUDIT_LOG", "export", caller.agency())))))
                .onItem().transformToMultiAndConcatenate(caller ->
                        exports.export(caller, first == null ? 1 : first, last == null ? Long.MAX_VALUE : last));
    }

    @GET
    @Path("checkpoints")
    @WithSession
    @Operation(operationId = "listCheckpoints", summary = "Signed checkpoints", description = "The chain's signed checkpoints, oldest first; verify them with /.well-known/jwks.json.")
    @APIResponse(responseCode = "200", description = "A page of checkpoints.")
    public Uni<CheckpointPage> checkpoints(
            @Parameter(description = "Checkpoint number to continue after.", example = "50") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", example = "50") @QueryParam("limit") String limit) {
        int size = pageLimit.resolve(Params.integer("limit", limit));
        Long after = position("cursor", cursor);
        return callers.current()
                .chain(caller -> chain.checkpoints(after == null ? 0 : after, size))
                .map(items -> new CheckpointPage(items.stream().map(c -> new Checkpoint(c.number, c.firstPosition, c.lastPosition,
                        c.lastHash, c.previousSignature, c.keyId, c.signedAt, c.jws)).toList(),
                        items.size() < size ? null : String.valueOf(items.get(items.size() - 1).number)));
    }

    public static Long position(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a whole number, 0 or more");
    }
}
