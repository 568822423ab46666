package org.borderwatch.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One RSA key with one use: it signs only JWS of its own {@code typ}, and verifies only JWS of that {@code typ}
 * signed by itself or by one of its retired keys. Two uses never share a key, so one kind of statement cannot
 * be passed off as the other.
 */
final class SigningKey {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final String keyId;
    private final PrivateKey key;
    private final RSAPublicKey publicKey;
    private final Map<String, RSAPublicKey> retired = new LinkedHashMap<>();

    SigningKey(String type, String setting, Optional<String> location, String keyId, List<String> retiredKeys) throws Exception {
        this.type = type;
        this.keyId = keyId;
        for (String entry : retiredKeys) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException(setting + " retired keys are kid:path-to-public-key.pem, not " + entry);
            }
            retired.put(entry.substring(0, colon).trim(),
                    (RSAPublicKey) KeyUtils.decodePublicKey(Files.readString(Path.of(entry.substring(colon + 1).trim()))));
        }
        if (location.isEmpty()) {
            this.key = null;
            this.publicKey = null;
            return;
        }
        this.key = KeyUtils.decodePrivateKey(Files.readString(Path.of(location.get())));
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    boolean present() {
        return key != null;
    }

    String keyId() {
        return keyId;
    }

    String sign(Map<String, Object> claims) {
        return Jwt.claims(claims).jws().type(type).keyId(keyId).sign(key);
    }

    /**
     * A compact RS256 JWS over the given bytes as they are (not a JWT: no claims are added), with its own type, so the
     * receiver can check the payload is exactly the bytes it recomputes.
     */
    String signPayload(byte[] payload, String payloadType) {
        try {
            String header = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(
                    Map.of("alg", "RS256", "kid", keyId, "typ", payloadType)));
            String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the payload cannot be signed", e);
        }
    }

    /** The claims of a compact JWS of this key's type, RS256-signed by this key or a retired one; empty otherwise. */
    Optional<JsonNode> verify(String jws) {
        String[] parts = jws == null ? new String[0] : jws.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            String kid = header.path("kid").asText();
            RSAPublicKey verifier = kid.equals(keyId) ? publicKey : retired.get(kid);
            if (verifier == null || !"RS256".equals(header.path("alg").asText()) || !acceptsType(header.path("typ").asText())) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(verifier);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * Its own type; and for checkpoints also the plain "JWT" (or no type) of checkpoints signed before the two uses had
     * their own types, so that an upgraded installation still verifies its history. Such a JWS is a checkpoint only if its
     * claims are a checkpoint's, which no snapshot's are.
     */
    private boolean acceptsType(String typ) {
        return type.equals(typ) || ServiceSigner.CHECKPOINT_TYPE.equals(type) && (typ.isEmpty() || "JWT".equals(typ));
    }

    /** The current and retired public keys, as JWKs. */
    List<Map<String, Object>> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        if (publicKey != null) {
            keys.add(jwk(keyId, publicKey));
        }
        retired.forEach((kid, retiredKey) -> keys.add(jwk(kid, retiredKey)));
        return keys;
    }

    private static Map<String, Object> jwk(String kid, RSAPublicKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", base64Url(key.getModulus()));
        jwk.put("e", base64Url(key.getPublicExponent()));
        return jwk;
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
