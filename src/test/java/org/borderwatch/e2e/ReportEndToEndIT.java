package org.borderwatch.e2e;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.borderwatch.support.Keycloak;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The packaged application in production mode against the real Keycloak (dev realm) and PostgreSQL:
 * filing, reading, agency isolation and the auditor's read, with password-grant tokens of the demo users.
 */
@QuarkusIntegrationTest
class ReportEndToEndIT {

    @Test
    void anOfficerFilesAndReadsAReportWithARealKeycloakToken() {
        String officer = Keycloak.token("officer.qn");
        UUID id = UUID.randomUUID();
        Reports.put(officer, id, FULL).statusCode(201)
                .body("agency", equalTo("VN-QN"))
                .body("reporter", equalTo(Keycloak.subject(officer)))
                .body("status", equalTo("SUBMITTED"));
        Reports.put(officer, id, FULL).statusCode(200);
        Reports.get(officer, id).statusCode(200).body("id", equalTo(id.toString()));
    }

    @Test
    void agencyIsolationHoldsAndTheAuditorSeesTheDeniedAttempt() {
        UUID id = Reports.filed(Keycloak.token("officer.qn"), FULL);
        Reports.get(Keycloak.token("officer.ls"), id).statusCode(404).contentType("application/problem+json");
        Reports.get(Keycloak.token("officer2.qn"), id).statusCode(404);
        Reports.get(Keycloak.token("supervisor.qn"), id).statusCode(200);
        Reports.get(Keycloak.token("liaison.gx"), id).statusCode(403);

        JsonPath log = given().auth().oauth2(Keycloak.token("auditor")).queryParam("resourceId", id.toString())
                .when().get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath();
        List<String> denied = log.getList("items.findAll { it.outcome == 'DENIED' }.subject", String.class);
        assertTrue(denied.contains(Keycloak.subject(Keycloak.token("officer.ls"))), "denied read of officer.ls not audited: " + denied);
        assertTrue(log.getList("items.action", String.class).contains("REPORT_CREATE"));
    }

    @Test
    void theAuditorCannotReadReportContentAndOfficersCannotReadTheLog() {
        UUID id = Reports.filed(Keycloak.token("officer.qn"), FULL);
        Reports.get(Keycloak.token("auditor"), id).statusCode(403);
        given().auth().oauth2(Keycloak.token("officer.qn")).when().get("/api/v1/audit/events").then().statusCode(403);
    }

    @Test
    void theOfficersChangesFeedCarriesTheNewReport() throws InterruptedException {
        String officer = Keycloak.token("officer.qn");
        UUID id = Reports.filed(officer, FULL);
        boolean seen = false;
        String cursor = null;
        for (int i = 0; i < 50 && !seen; i++) {
            var request = given().auth().oauth2(officer).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/reports/changes").then().statusCode(200).extract().jsonPath();
            seen = page.getList("items.id", String.class).contains(id.toString());
            cursor = page.getString("nextCursor");
            if (!seen && page.getList("items").isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertTrue(seen);
    }

    @Test
    void productionRefusesDevKeyTokensAndMissingTokens() {
        Reports.put(Tokens.officer("officer.qn", "VN-QN"), UUID.randomUUID(), FULL).statusCode(401);
        given().when().get("/api/v1/reports/changes").then().statusCode(401).body("type", equalTo("urn:borderwatch:problem:unauthorized"));
    }

    @Test
    void healthAndMetricsAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200);
        given().auth().oauth2(Keycloak.token("officer.qn")).header("Accept-Language", "vi")
                .when().get("/api/v1/reports/not-a-uuid").then().statusCode(400)
                .body("errors.field", hasItem("id")).body("title", equalTo("Yêu cầu không hợp lệ"));
    }
}
