package org.borderwatch.e2e;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.borderwatch.support.Keycloak;
import org.borderwatch.support.Reports;
import org.borderwatch.vetting.rest.DecisionResourceTest;
import org.junit.jupiter.api.Test;

/**
 * The sharing flow on the packaged application against the real Keycloak: an admin records the agreement, a
 * Quang Ninh supervisor releases a case at H2 (held for four-eyes), a second supervisor approves, the Guangxi
 * liaison reads it with a stated purpose, asks a question, and loses it when the share is revoked.
 */
@QuarkusIntegrationTest
class SharingEndToEndIT {

    @Test
    void aCaseTravelsFromQuangNinhToGuangxiUnderAnAgreementAndFourEyes() {
        int year = Year.now().getValue();
        given().auth().oauth2(Keycloak.token("admin")).contentType(ContentType.JSON)
                .body("{\"from\":\"VN-QN\",\"to\":\"CN-GX\",\"categories\":[\"DRUGS\"],\"maxHandlingCode\":\"H2\",\"validFrom\":\"" + (year - 1)
                        + "-01-01\",\"validTo\":\"" + (year + 1) + "-12-31\",\"reference\":\"JWC-2026/03 minutes, item 4\"}")
                .when().put("/api/v1/agreements/" + UUID.randomUUID()).then().statusCode(201);
        String supervisor = Keycloak.token("supervisor.qn");
        UUID report = Reports.filed(Keycloak.token("officer.qn"), FULL);
        DecisionResourceTest.decide(supervisor, report, "\"1\"", DecisionResourceTest.VERIFY).statusCode(200);
        String caseId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"title\":\"Meth at Bac Luan II\",\"reportIds\":[\"" + report + "\"]}")
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String shareId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"toAgency\":\"CN-GX\",\"handlingCode\":\"H2\",\"purpose\":\"Joint investigation of the Bac Luan II route\","
                        + "\"expiresAt\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\","
                        + "\"redaction\":{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[]}}")
                .when().post("/api/v1/cases/" + caseId + "/shares").then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        String liaison = Keycloak.token("liaison.gx");
        String inbox = "/api/v1/inbox/" + shareId;
        given().auth().oauth2(liaison).header("X-Access-Purpose", "Planning the joint patrol").when().get(inbox).then().statusCode(404);
        given().auth().oauth2(supervisor).when().post("/api/v1/cases/" + caseId + "/shares/" + shareId + "/approve").then().statusCode(403);
        given().auth().oauth2(Keycloak.token("supervisor2.qn")).when().post("/api/v1/cases/" + caseId + "/shares/" + shareId + "/approve")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(liaison).when().get("/api/v1/inbox").then().statusCode(200).body("items.id", hasItem(shareId));
        given().auth().oauth2(liaison).header("X-Access-Purpose", "Planning the joint patrol").when().get(inbox).then().statusCode(200)
                .body("snapshots[0].content.reports[0].vehicles[0].plate", equalTo("[redacted]"));
        given().auth().oauth2(liaison).contentType(ContentType.JSON)
                .body("{\"kind\":\"REQUEST_FOR_INFORMATION\",\"body\":\"Which lane?\",\"dueAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .when().post("/api/v1/shares/" + shareId + "/messages").then().statusCode(201);
        given().auth().oauth2(Keycloak.token("liaison.qn")).when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(200)
                .body("items[0].body", equalTo("Which lane?"));
        given().auth().oauth2(supervisor).when().delete("/api/v1/cases/" + caseId + "/shares/" + shareId + "?reason=Operation compromised")
                .then().statusCode(200);
        given().auth().oauth2(liaison).header("X-Access-Purpose", "Planning the joint patrol").when().get(inbox).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("endReason", equalTo("Operation compromised"));
    }

    @Test
    void theRealmsOperatorAddsAgenciesAndAnAdminActsOnlyForItsOwnAgency() {
        String code = "VN-E" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String body = "{\"country\":\"VN\",\"nameEn\":\"Unit\",\"nameVi\":\"Đơn vị\",\"nameZh\":\"单位\"}";
        given().auth().oauth2(Keycloak.token("admin")).contentType(io.restassured.http.ContentType.JSON).body(body)
                .when().put("/api/v1/agencies/" + code).then().statusCode(403);
        given().auth().oauth2(Keycloak.token("operator")).contentType(io.restassured.http.ContentType.JSON).body(body)
                .when().put("/api/v1/agencies/" + code).then().statusCode(201);
        given().auth().oauth2(Keycloak.token("admin")).contentType(io.restassured.http.ContentType.JSON).header("If-Match", "\"0\"")
                .body(body.replace("Unit", "Renamed")).when().put("/api/v1/agencies/" + code).then().statusCode(403);
    }
}
