package org.borderwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.borderwatch.support.Db;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** Per-user rate limits: a burst, then 429 with Retry-After; other users are not affected; the refusal is recorded. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("borderwatch.rate-limit.per-second", "0.2", "borderwatch.rate-limit.burst", "5");
        }
    }

    @Test
    void aBurstAboveTheLimitIs429WithRetryAfterAndOtherUsersGoOn() throws Exception {
        Db.update("delete from rate_limit_bucket");
        String greedy = Tokens.officer("greedy.officer", "VN-QN");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(greedy).when().get("/api/v1/reports/changes").then().statusCode(200);
        }
        String retryAfter = given().auth().oauth2(greedy).when().get("/api/v1/reports/changes").then().statusCode(429)
                .contentType("application/problem+json").body("type", equalTo("urn:borderwatch:problem:too-many-requests"))
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1, retryAfter);
        given().auth().oauth2(greedy).when().get("/api/v1/reports/changes").then().statusCode(429);
        given().auth().oauth2(Tokens.officer("patient.officer", "VN-QN")).when().get("/api/v1/reports/changes").then().statusCode(200);
        assertEquals(1, Db.count("select count(*) from audit_event where subject = ? and reason = 'rate limit exceeded'",
                Tokens.subject("greedy.officer")));
        Thread.sleep(Integer.parseInt(retryAfter) * 1000L + 100);
        given().auth().oauth2(greedy).when().get("/api/v1/reports/changes").then().statusCode(200);
    }

    @Test
    void anonymousAndBadTokensStillGet401() {
        given().when().get("/api/v1/reports/changes").then().statusCode(401);
        given().auth().oauth2("garbage").when().get("/api/v1/reports/changes").then().statusCode(401);
    }
}
