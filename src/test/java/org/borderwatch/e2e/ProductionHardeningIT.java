package org.borderwatch.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.UUID;
import org.borderwatch.support.Keycloak;
import org.junit.jupiter.api.Test;

/**
 * Security misconfiguration (OWASP API8) of the packaged application in production mode: no development endpoints,
 * no stack traces or class names in errors, the security headers, no CORS grant, TRACE refused, HTTP/1.1 only.
 */
@QuarkusIntegrationTest
class ProductionHardeningIT {

    @Test
    void noDevelopmentEndpointsAreServed() {
        for (String path : new String[] {"/q/dev", "/q/dev-ui", "/q/dev-ui/configuration-form-editor", "/q/swagger-ui", "/q/arc",
                "/q/arc/beans", "/q/info"}) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void errorsCarryNoInternals() {
        String officer = Keycloak.token("officer.qn");
        for (String body : new String[] {"{\"category\":", "{\"category\":\"DRUGS\",\"location\":{\"lat\":\"north\"}}", "[1,2,3]",
                "{\"category\":\"" + "[".repeat(5_000) + "\"}", "\u0000"}) {
            given().auth().oauth2(officer).contentType("application/json").body(body)
                    .when().put("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body(not(containsString("org.borderwatch"))).body(not(containsString("Exception")))
                    .body(not(containsString("jackson"))).body(not(containsString("\tat ")));
        }
    }

    @Test
    void answersCarryTheSecurityHeadersAndNoCorsGrant() {
        given().header("Origin", "https://evil.example").when().get("/api/v1/reports/changes").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Access-Control-Allow-Origin", nullValue()).header("WWW-Authenticate", equalTo("Bearer"));
        given().auth().oauth2(Keycloak.token("officer.qn")).when().request("TRACE", "/api/v1/reports/changes").then().statusCode(405);
    }
}
