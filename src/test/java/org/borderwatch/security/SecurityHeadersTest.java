package org.borderwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** Misconfiguration checks (OWASP API8): security headers on every answer, no CORS for foreign origins, TRACE refused. */
@QuarkusTest
class SecurityHeadersTest {

    static final String OFFICER = Tokens.officer("headers.officer", "VN-QN");

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/api/v1/reports/changes", "/api/v1/reports/not-a-uuid", "/api/v1/nothing-here"}) {
            given().auth().oauth2(OFFICER).when().get(path).then()
                    .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer").header("X-Request-Id", not(nullValue()))
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
        }
    }

    @Test
    void aForeignOriginGetsNoCorsGrant() {
        given().auth().oauth2(OFFICER).header("Origin", "https://evil.example").when().get("/api/v1/reports/changes").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .when().options("/api/v1/reports/" + java.util.UUID.randomUUID()).then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void traceIsRefused() {
        given().auth().oauth2(OFFICER).when().request("TRACE", "/api/v1/reports/changes").then().statusCode(405);
    }

    @Test
    void errorsNeverShowInternals() {
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"category\":")
                .when().put("/api/v1/reports/" + java.util.UUID.randomUUID()).then().statusCode(400)
                .body(not(org.hamcrest.Matchers.containsString("org.borderwatch")))
                .body(not(org.hamcrest.Matchers.containsString("Exception")))
                .body("type", equalTo("urn:borderwatch:problem:malformed-body"));
    }
}
