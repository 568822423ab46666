package org.borderwatch.common;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** Request ids, health, metrics, security headers and the agencies known from the first start. */
@QuarkusTest
class ServiceBasicsTest {

    @Test
    void theClientsRequestIdIsEchoedAndUsedAsProblemInstance() {
        given().header("X-Request-Id", "phone-42.retry-3").when().get("/api/v1/reports/changes")
                .then().statusCode(401).header("X-Request-Id", "phone-42.retry-3").body("instance", equalTo("phone-42.retry-3"));
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByAUuid() {
        given().header("X-Request-Id", "<script>").when().get("/api/v1/reports/changes")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void unknownPathsAre404ProblemJson() {
        given().auth().oauth2(Tokens.officer("officer.qn", "VN-QN")).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void securityHeadersAreSet() {
        given().when().get("/q/health/live")
                .then().header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
    }

    @Test
    void healthReportsLiveAndReadyWithTheDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Reactive PostgreSQL connections health check"))
                .body("checks.find { it.name == 'live event notifications' }.status", equalTo("UP"));
    }

    @Test
    void metricsCountReportsByCategoryAndTimeRequests() {
        Reports.filed(Tokens.officer("officer.qn", "VN-QN"), "{\"category\":\"WILDLIFE_TRAFFICKING\","
                + "\"occurredAt\":\"2026-11-20T21:40:00+07:00\",\"location\":{\"lat\":22.1,\"lon\":106.2}}");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("borderwatch_reports_received_total{category=\"WILDLIFE_TRAFFICKING\"}"))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void theFiveAgenciesAreKnownFromTheFirstStart() {
        assertEquals(5, Db.count("select count(*) from agency where code in ('VN-QN','VN-LS','VN-CB','VN-HG','CN-GX')"));
        Reports.put(Tokens.officer("officer.hg", "VN-HG"), Reports.newId(), FULL).statusCode(201);
        Reports.put(Tokens.officer("officer.gx", "CN-GX"), Reports.newId(), FULL).statusCode(201);
    }

    @Test
    void traceIsRefused() {
        given().when().request("TRACE", "/api/v1/reports").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
    }
}
