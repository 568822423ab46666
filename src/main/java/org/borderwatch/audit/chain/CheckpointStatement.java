package org.borderwatch.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * What a signed checkpoint says, read from its JWS (never from database columns), and the rules that tie each
 * checkpoint to the one before it. Shared by the service's verifier, the sealer and the offline verifier.
 */
public record CheckpointStatement(long number, long firstPosition, long lastPosition, String lastHash, String previousSignature,
                                  String issuer, String keyId, String jws) {

    public static final String ISSUER = "borderwatch-audit";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The statement of a JWS whose signature the caller has checked; null when it is not a checkpoint at all. */
    public static CheckpointStatement of(String jws, JsonNode claims) {
        if (!claims.path("checkpoint").canConvertToLong() || !claims.path("lastPosition").canConvertToLong()
                || !claims.path("firstPosition").canConvertToLong() || !claims.path("lastHash").isTextual()) {
            return null;
        }
        return new CheckpointStatement(claims.path("checkpoint").asLong(), claims.path("firstPosition").asLong(),
                claims.path("lastPosition").asLong(), claims.path("lastHash").asText(),
                claims.hasNonNull("previousSignature") ? claims.path("previousSignature").asText() : null,
                claims.path("iss").asText(), header(jws).path("kid").asText(), jws);
    }

    /** The first position a checkpoint covers, when the last one covered {@code covered} and the chain ends at {@code sealed}. */
    public static long firstPosition(long covered, long sealed) {
        return Math.min(covered + 1, Math.max(sealed, 1));
    }

    public String signature() {
        return jws.substring(jws.lastIndexOf('.') + 1);
    }

    /** Whether this statement is the one that must come after {@code previous} (null: this is the first). */
    public boolean follows(CheckpointStatement previous) {
        long covered = previous == null ? 0 : previous.lastPosition;
        return ISSUER.equals(issuer)
                && number == (previous == null ? 1 : previous.number + 1)
                && Objects.equals(previousSignature, previous == null ? null : previous.signature())
                && lastPosition >= covered
                && firstPosition == firstPosition(covered, lastPosition);
    }

    public static JsonNode header(String jws) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8));
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
