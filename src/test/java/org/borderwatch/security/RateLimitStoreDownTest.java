package org.borderwatch.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.borderwatch.support.Db;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The shared buckets live in PostgreSQL. When that store fails the limit steps aside for a few seconds: requests are
 * served (and a warning logged), never refused or failed because of the limiter itself; then it limits again.
 */
@QuarkusTest
@TestProfile(RateLimitStoreDownTest.TinyLimits.class)
class RateLimitStoreDownTest {

    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("borderwatch.rate-limit.per-second", "0.2", "borderwatch.rate-limit.burst", "2");
        }
    }

    @Test
    void withItsStoreFailingTheLimitLetsRequestsThroughThenLimitsAgain() throws Exception {
        Db.update("delete from rate_limit_bucket");
        String officer = Tokens.officer("unlimited.officer", "VN-QN");
        Db.tamper("revoke all on rate_limit_bucket from borderwatch_app");
        try {
            for (int i = 0; i < 6; i++) {
                given().auth().oauth2(officer).when().get("/api/v1/reports/changes?limit=1").then().statusCode(200);
            }
        } finally {
            Db.tamper("grant select, insert, update, delete on rate_limit_bucket to borderwatch_app");
        }
        Thread.sleep(5_500); // the limiter asks the store again after 5 s
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(officer).when().get("/api/v1/reports/changes?limit=1").then().statusCode(200);
        }
        given().auth().oauth2(officer).when().get("/api/v1/reports/changes?limit=1").then().statusCode(429);
    }
}
