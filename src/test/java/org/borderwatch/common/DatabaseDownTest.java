package org.borderwatch.common;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** With the database unreachable: readiness DOWN, liveness UP, requests 503 with Retry-After (never 500). */
@QuarkusTest
@TestProfile(DatabaseDownTest.UnreachableDatabase.class)
class DatabaseDownTest {

    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/borderwatch_test",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.flyway.clean-at-start", "false");
        }
    }

    @Test
    void readinessIsDownAndLivenessUp() {
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void filingAReportIs503WithRetryAfter() {
        Reports.put(Tokens.officer("officer.qn", "VN-QN"), Reports.newId(), FULL)
                .statusCode(503).header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:borderwatch:problem:unavailable"));
    }
}
