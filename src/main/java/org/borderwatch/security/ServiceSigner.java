package org.borderwatch.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs what the service vouches for — audit checkpoints and the snapshots released to partner agencies — as
 * RS256 JWS (SmallRye JWT build) with a key that lives outside the database, and publishes the current and
 * retired public keys. Without a configured key the chain is still sealed but nothing is signed.
 */
@ApplicationScoped
public class ServiceSigner {

    private static final Logger LOG = Logger.getLogger(ServiceSigner.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final PrivateKey key;
    private final RSAPublicKey publicKey;
    private final String keyId;
    /** Keys that signed earlier checkpoints, by key id: still published and trusted after a rotation. */
    private final Map<String, RSAPublicKey> retired = new LinkedHashMap<>();

    public ServiceSigner(@ConfigProperty(name = "borderwatch.audit.signing-key") Optional<String> location,
                            @ConfigProperty(name = "borderwatch.audit.signing-key-id") String keyId,
                            @ConfigProperty(name = "borderwatch.audit.retired-keys") Optional<List<String>> retiredKeys) throws Exception {
        this.keyId = keyId;
        for (String entry : retiredKeys.orElse(List.of())) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("borderwatch.audit.retired-keys entries are kid:path-to-public-key.pem, not " + entry);
            }
            retired.put(entry.substring(0, colon).trim(),
                    (RSAPublicKey) KeyUtils.decodePublicKey(Files.readString(Path.of(entry.substring(colon + 1).trim()))));
        }
        if (location.isEmpty()) {
            LOG.warn("borderwatch.audit.signing-key is not set: the audit chain is sealed but checkpoints and released snapshots are not signed");
            this.key = null;
            this.publicKey = null;
            return;
        }
        this.key = KeyUtils.decodePrivateKey(Files.readString(Path.of(location.get())));
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    public boolean enabled() {
        return key != null;
    }

    public String keyId() {
        return keyId;
    }

    public String sign(Map<String, Object> claims) {
        return Jwt.claims(claims).jws().keyId(keyId).sign(key);
    }

    /** Whether a compact JWS carries a valid RS256 signature of the current or a retired key, chosen by its kid. */
    public boolean verifies(String jws) {
        String[] parts = jws.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            String kid = JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).path("kid").asText();
            RSAPublicKey verifier = kid.equals(keyId) ? publicKey : retired.get(kid);
            if (verifier == null) {
                return false;
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(verifier);
            signature.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            return false;
        }
    }

    /** The current and retired public keys as a JWK Set (RFC 7517). */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new java.util.ArrayList<>();
        if (publicKey != null) {
            keys.add(jwk(keyId, publicKey));
        }
        retired.forEach((kid, retiredKey) -> keys.add(jwk(kid, retiredKey)));
        return Map.of("keys", keys);
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
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
