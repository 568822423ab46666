package org.borderwatch.audit.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.borderwatch.security.ServiceSigner;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify the audit checkpoints and the released snapshots; public so that anyone can verify them. */
@Path("/.well-known/jwks.json")
@Tag(name = "Audit")
public class JwksResource {

    private final ServiceSigner signer;

    public JwksResource(ServiceSigner signer) {
        this.signer = signer;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "readKeySet", summary = "Signing keys", description = "The JWK Set whose keys verify the audit checkpoints (JWS typ borderwatch-checkpoint+jwt, kid borderwatch-audit-…) "
            + "and the signed copies of released snapshots (typ borderwatch-snapshot+jwt, kid borderwatch-snapshot-…), RS256; each key signs only its own kind.")
    @APIResponse(responseCode = "200", description = "The JWK Set.")
    public Map<String, Object> keys() {
        return signer.jwks();
    }
}
