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

/** The public keys that verify the audit checkpoints; public so that anyone can verify them. */
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
    @Operation(operationId = "readKeySet", summary = "Checkpoint signing keys", description = "The JWK Set whose keys verify the audit checkpoints (RS256).")
    @APIResponse(responseCode = "200", description = "The JWK Set.")
    public Map<String, Object> keys() {
        return signer.jwks();
    }
}
