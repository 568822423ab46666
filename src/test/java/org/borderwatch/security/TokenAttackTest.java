package org.borderwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.borderwatch.support.Db;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad bearer token is 401 problem+json, changes nothing, and is recorded as a denied access (bounded: counted per address and minute). */
@QuarkusTest
class TokenAttackTest {

    static final String COUNTED = "select coalesce(sum(refusals), 0) from audit_refusal_bucket";
    static final Map<String, Object> ROLES = Map.of("roles", List.of("supervisor"));

    static Stream<Arguments> badTokens() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String valid = Tokens.sign(Tokens.claims("attacker", "VN-QN").claim("realm_access", ROLES));
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String elevated = b64(payload.replace("\"supervisor\"", "\"admin\""));
        String publicKey = new String(TokenAttackTest.class.getResourceAsStream("/keys/dev-public.pem").readAllBytes(), StandardCharsets.UTF_8);
        String hsHeader = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"borderwatch-dev\"}");
        return Stream.of(
                Arguments.of("missing", null),
                Arguments.of("not a JWT", "not-a-token"),
                Arguments.of("expired", Tokens.sign(Tokens.claims("attacker", "VN-QN").issuedAt(now - 7200).expiresAt(now - 3600).claim("realm_access", ROLES))),
                Arguments.of("not yet valid", Tokens.sign(Tokens.claims("attacker", "VN-QN").claim("nbf", now + 3600).claim("realm_access", ROLES))),
                Arguments.of("wrong issuer", Tokens.sign(Tokens.claims("attacker", "VN-QN").issuer("https://evil.example/realms/borderwatch").claim("realm_access", ROLES))),
                Arguments.of("wrong audience", Tokens.sign(Tokens.claims("attacker", "VN-QN").audience("another-api").claim("realm_access", ROLES))),
                Arguments.of("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."),
                Arguments.of("HS256 keyed with the public key", hsHeader + "." + parts[1] + "." + hmac(publicKey, hsHeader + "." + parts[1])),
                Arguments.of("another realm's key", Tokens.claims("attacker", "VN-QN").claim("realm_access", ROLES).jws().keyId("borderwatch-dev")
                        .sign(Tokens.load("keys/other-realm-private.pem"))),
                Arguments.of("tampered payload", parts[0] + "." + elevated + "." + parts[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void isRefusedWith401AndRecorded(String kind, String token) {
        String requestId = "token-attack-" + UUID.randomUUID().toString().substring(0, 8);
        long counted = Db.count(COUNTED);
        RequestSpecification request = given().header("X-Request-Id", requestId);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.when().get("/api/v1/reports").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("type", equalTo("urn:borderwatch:problem:unauthorized"));
        request.contentType("application/json").body("{\"country\":\"VN\",\"nameEn\":\"x\",\"nameVi\":\"x\",\"nameZh\":\"x\"}")
                .when().put("/api/v1/agencies/VN-EVIL").then().statusCode(401);
        assertEquals(0, Db.count("select count(*) from agency where code = 'VN-EVIL'"));
        // Bounded (item 15 of issue 13): per client address and minute the first refusal is in the log in full, the rest counted.
        assertEquals(2, Db.count(COUNTED) - counted, kind + ": both refusals are counted");
        assertEquals(1, Db.count("select count(*) from audit_refusal_bucket b join audit_event e on e.id = b.first_event_id"
                + " where b.minute = date_trunc('minute', now()) and e.action = 'ACCESS' and e.outcome = 'DENIED' and e.subject is null"),
                kind + ": the first refusal of this minute is in the access log in full");
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
