package org.borderwatch.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;

/** Bearer tokens for the @QuarkusTest suite, signed with the dev key the test profile trusts. */
public final class Tokens {

    public static final String ISSUER = "https://borderwatch.dev/local";
    private static final PrivateKey DEV_KEY = load("keys/dev-private.pem");

    private Tokens() {
    }

    public static String officer(String name, String agency) {
        return token(name, "officer", agency);
    }

    public static String token(String name, String role, String agency) {
        return sign(claims(name, agency).claim("realm_access", Map.of("roles", List.of(role))));
    }

    public static String withRoles(String name, String agency, String... roles) {
        return sign(claims(name, agency).claim("realm_access", Map.of("roles", List.of(roles))));
    }

    public static JwtClaimsBuilder claims(String name, String agency) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience("borderwatch-api").subject(subject(name))
                .preferredUserName(name).expiresIn(3600);
        return agency == null ? claims : claims.claim("agency", agency);
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("borderwatch-dev").sign(DEV_KEY);
    }

    /** Subjects are UUIDs, as Keycloak's user ids are; one per name. */
    public static String subject(String name) {
        return java.util.UUID.nameUUIDFromBytes(("sub-" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public static PrivateKey load(String resource) {
        try {
            return KeyUtils.readPrivateKey(resource);
        } catch (Exception e) {
            throw new IllegalStateException("test key " + resource + " is missing", e);
        }
    }
}
