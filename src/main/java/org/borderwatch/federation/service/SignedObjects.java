package org.borderwatch.federation.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.borderwatch.security.ServiceSigner;

/**
 * Federated objects and their signatures: each STIX object travels with a compact JWS (RS256, {@code typ}
 * {@value ServiceSigner#STIX_TYPE}) whose payload is the object's RFC 8785 canonical form. A receiver verifies with
 * the key set its federation agreement names for the partner, and only then stores the object, beside its signature.
 */
public final class SignedObjects {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why an object was refused; empty when it verifies. */
    public enum Refusal { MALFORMED, NOT_A_STIX_SIGNATURE, UNKNOWN_KEY, BAD_SIGNATURE, NOT_THIS_OBJECT }

    private SignedObjects() {
    }

    public static String sign(ServiceSigner signer, JsonNode object) {
        return signer.signStix(Canonical.bytes(object));
    }

    /** Whether the JWS was made over exactly this object by a key of the partner's key set (a JWK Set). */
    public static Optional<Refusal> verify(JsonNode object, String jws, JsonNode partnerKeys) {
        Verified verified = verified(jws, ServiceSigner.STIX_TYPE, partnerKeys);
        if (verified.refusal() != null) {
            return Optional.of(verified.refusal());
        }
        return Arrays.equals(verified.payload(), Canonical.bytes(object)) ? Optional.empty() : Optional.of(Refusal.NOT_THIS_OBJECT);
    }

    /** The claims of an access-log checkpoint the partner signed with a key of its key set, or empty. */
    public static Optional<JsonNode> checkpointClaims(String jws, JsonNode partnerKeys) {
        Verified verified = verified(jws, ServiceSigner.CHECKPOINT_TYPE, partnerKeys);
        try {
            return verified.refusal() != null ? Optional.empty() : Optional.of(JSON.readTree(verified.payload()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private record Verified(byte[] payload, Refusal refusal) {
    }

    /** A compact RS256 JWS of the given type, verified with a key of the key set: its payload, or why not. */
    private static Verified verified(String jws, String type, JsonNode keys) {
        String[] parts = jws == null ? new String[0] : jws.split("\\.", -1);
        if (parts.length != 3) {
            return new Verified(null, Refusal.MALFORMED);
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText()) || !type.equals(header.path("typ").asText())
                    || header.has("crit") || header.has("b64")) {
                return new Verified(null, Refusal.NOT_A_STIX_SIGNATURE);
            }
            Optional<PublicKey> key = key(keys, header.path("kid").asText());
            if (key.isEmpty()) {
                return new Verified(null, Refusal.UNKNOWN_KEY);
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key.get());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return new Verified(null, Refusal.BAD_SIGNATURE);
            }
            return new Verified(Base64.getUrlDecoder().decode(parts[1]), null);
        } catch (IllegalArgumentException | java.io.IOException | java.security.GeneralSecurityException e) {
            return new Verified(null, Refusal.MALFORMED);
        }
    }

    private static Optional<PublicKey> key(JsonNode keys, String kid) throws java.security.GeneralSecurityException {
        for (JsonNode jwk : keys.path("keys")) {
            if ("RSA".equals(jwk.path("kty").asText()) && kid.equals(jwk.path("kid").asText())) {
                Base64.Decoder url = Base64.getUrlDecoder();
                return Optional.of(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, url.decode(jwk.path("n").asText())), new BigInteger(1, url.decode(jwk.path("e").asText())))));
            }
        }
        return Optional.empty();
    }
}
