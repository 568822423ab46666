package org.borderwatch.federation.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "FederationPartnerRequest", description = "A partner installation this one is to trust: configured, never discovered.",
        example = "{\"installation\":\"borderwatch.cn-gx\",\"baseUrl\":\"https://borderwatch.gx.example.cn\",\"certificate\":\"-----BEGIN CERTIFICATE-----\\n...\\n-----END CERTIFICATE-----\","
                + "\"keySet\":{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"gx-snapshot-1\",\"n\":\"" + FederationPartnerRequest.Key.EXAMPLE_N + "\",\"e\":\"AQAB\"}]},"
                + "\"agencies\":[\"CN-GX\"],\"agreements\":[\"5a3e9c1d-2b4f-4d6e-8a1c-3f5e7d9b1a2c\"],\"recallDeadline\":\"PT4H\"}")
public record FederationPartnerRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", message = "must be a name such as borderwatch.cn-gx (lower case, digits, dots, hyphens)")
        @Schema(description = "The partner installation's name, as it names itself in what it signs.", example = "borderwatch.cn-gx", required = true)
        String installation,
        @NotNull @Size(max = 255) @Pattern(regexp = "https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?", message = "must be an https URL without query or credentials")
        @Schema(description = "Where the partner serves its TAXII API root.", example = "https://borderwatch.gx.example.cn", required = true)
        String baseUrl,
        @NotNull @Size(max = 16384)
        @Schema(description = "The TLS certificate (PEM) the partner presents, client and server: pinned by its SHA-256.", required = true)
        String certificate,
        @NotNull @Valid
        @Schema(description = "The JWK Set whose keys sign the partner's content.", required = true)
        KeySet keySet,
        @NotEmpty @Size(max = 50)
        @Schema(description = "The agencies the partner installation speaks for: what it releases must come from one of them, what it writes "
                + "in a thread must be by one of them, and only releases to one of them travel to it.", example = "[\"CN-GX\"]", required = true)
        List<@NotNull @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,10}", message = "must be an agency code such as CN-GX") String> agencies,
        @NotEmpty @Size(max = 50)
        @Schema(description = "The sharing agreements whose releases travel over this link, each between one of the partner's agencies and "
                + "one of this installation's.", required = true)
        List<@NotNull UUID> agreements,
        @NotNull @Pattern(regexp = "P(T?[0-9]+[DHMS]|[0-9]+DT[0-9]+[HMS]|T[0-9]+H[0-9]+M)", message = "must be an ISO 8601 duration such as PT4H")
        @Schema(description = "How soon a recall must be receipted before it is flagged (1 minute to 30 days).", example = "PT4H", required = true)
        String recallDeadline) {

    @RegisterForReflection
    @Schema(name = "FederationKeySet", description = "A JWK Set (RFC 7517) of RSA public keys.",
            example = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"gx-snapshot-1\",\"n\":\"" + Key.EXAMPLE_N + "\",\"e\":\"AQAB\"}]}")
    public record KeySet(@NotEmpty @Size(max = 10) @Schema(required = true) List<@NotNull @Valid Key> keys) {
    }

    @RegisterForReflection
    @Schema(name = "FederationKey", description = "One RSA public key (RFC 7518 §6.3.1).",
            example = "{\"kty\":\"RSA\",\"kid\":\"gx-snapshot-1\",\"n\":\"" + Key.EXAMPLE_N + "\",\"e\":\"AQAB\",\"use\":\"sig\",\"alg\":\"RS256\"}")
    public record Key(
            @NotNull @Pattern(regexp = "RSA", message = "must be RSA") @Schema(example = "RSA", required = true) String kty,
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 letters, digits, dots, hyphens or underscores")
            @Schema(example = "gx-snapshot-1", required = true) String kid,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{342,1366}", message = "must be a base64url RSA modulus of 2048 to 8192 bits")
            @Schema(required = true) String n,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,8}", message = "must be a base64url RSA exponent") @Schema(example = "AQAB", required = true) String e,
            @Pattern(regexp = "sig", message = "must be sig") @Schema(example = "sig") String use,
            @Pattern(regexp = "RS256", message = "must be RS256") @Schema(example = "RS256") String alg) {

        /** A 2048-bit modulus, for the examples. */
        static final String EXAMPLE_N = "zmWJcOor3UeaJIwresxbd60Rs5eOnI8OSgCCno21LMkjz-S6dvLTZbheUUCbgs49HDKHU3k-PwI-c_IA3ym9QpKE9xG9qcsL6HqFgAghCX4DqTUUvyYyE9g9ezZOqvJYvNlsC7mrQOD9rYJyxpzzNaApNZRSvwtmBq1QeEt0aVOlLdtXuhLa1xab8nv1rtZ4dCtHQAU3un0kyEVN1RJGgMSrjrSGpFELBX6f9X2Gq8IWV1QpECNrwD7DgSBlf2bHio6tT6OunzBdR3kJDXZWYwjJrOGA-in40IMkMKRFjAvS-wM_x7RTSoml2FeGjMjt7Qo-1jhewzQlOq-HIXCzRQ";
    }
}
