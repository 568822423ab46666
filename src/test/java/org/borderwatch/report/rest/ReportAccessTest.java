package org.borderwatch.report.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** Roles (403), agency isolation (404, audited as DENIED) and unusable tokens. */
@QuarkusTest
class ReportAccessTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");

    @Test
    void anOfficerOfAnotherAgencyGets404AndTheAttemptIsAuditedAsDenied() {
        UUID id = Reports.filed(OFFICER, FULL);
        String outsider = Tokens.officer("officer.ls", "VN-LS");
        Reports.get(outsider, id).statusCode(404).contentType("application/problem+json");
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and subject = ?"
                + " and action = 'REPORT_READ' and outcome = 'DENIED' and agency = 'VN-LS'", id.toString(), Tokens.subject("officer.ls")));
    }

    @Test
    void aSupervisorOfAnotherAgencyGets404() {
        UUID id = Reports.filed(OFFICER, FULL);
        Reports.get(Tokens.token("supervisor.ls", "supervisor", "VN-LS"), id).statusCode(404);
        given().auth().oauth2(Tokens.token("supervisor.ls", "supervisor", "VN-LS"))
                .when().get("/api/v1/reports/{id}/versions", id).then().statusCode(404);
    }

    @Test
    void anotherOfficerOfTheSameAgencyGets404() {
        UUID id = Reports.filed(OFFICER, FULL);
        Reports.get(Tokens.officer("officer2.qn", "VN-QN"), id).statusCode(404);
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and outcome = 'DENIED'", id.toString()));
    }

    @Test
    void wrongRolesGet403AndAreAudited() {
        UUID id = Reports.filed(OFFICER, FULL);
        String liaison = Tokens.token("liaison.qn", "liaison", "VN-QN");
        Reports.put(liaison, Reports.newId(), FULL).statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:borderwatch:problem:forbidden"));
        Reports.get(Tokens.token("auditor", "auditor", "VN-QN"), id).statusCode(403);
        given().auth().oauth2(OFFICER).when().get("/api/v1/reports").then().statusCode(403);
        given().auth().oauth2(Tokens.token("supervisor.qn", "supervisor", "VN-QN")).contentType(ContentType.JSON)
                .body("{\"reports\":[]}").when().post("/api/v1/reports/batch").then().statusCode(403);
        assertEquals(1, Db.count("select count(*) from audit_event where subject = ? and action = 'ACCESS' and outcome = 'DENIED'"
                + " and reason like '%ReportResource.file%'", Tokens.subject("liaison.qn")));
    }

    @Test
    void aTokenWithoutAnAgencyClaimIs403() {
        String token = Tokens.sign(Tokens.claims("no.agency", null)
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("officer"))));
        Reports.put(token, Reports.newId(), FULL).statusCode(403)
                .body("detail", equalTo("the token carries no agency claim"));
        assertEquals(1, Db.count("select count(*) from audit_event where subject = ? and outcome = 'DENIED'", Tokens.subject("no.agency")));
    }

    @Test
    void aTokenWithAnAgencyTheServiceDoesNotKnowIs403() {
        UUID id = Reports.newId();
        Reports.put(Tokens.officer("officer.xx", "VN-XX"), id, FULL).statusCode(403);
        assertEquals(0, Db.count("select count(*) from report where id = ?", id));
    }

    @Test
    void noTokenIs401WithAChallenge() {
        given().contentType(ContentType.JSON).body(FULL).when().put("/api/v1/reports/{id}", Reports.newId())
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json").body("type", equalTo("urn:borderwatch:problem:unauthorized"));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        String forged = Tokens.claims("officer.qn", "VN-QN").claim("realm_access", java.util.Map.of("roles", java.util.List.of("officer")))
                .jws().keyId("borderwatch-dev").sign(Tokens.load("keys/other-realm-private.pem"));
        Reports.put(forged, Reports.newId(), FULL).statusCode(401);
    }

    @Test
    void anExpiredTokenIs401() {
        long past = System.currentTimeMillis() / 1000 - 7200;
        String expired = Tokens.sign(Tokens.claims("officer.qn", "VN-QN").issuedAt(past).expiresAt(past + 60)
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("officer"))));
        Reports.put(expired, Reports.newId(), FULL).statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String token = Tokens.sign(Tokens.claims("officer.qn", "VN-QN").audience("some-other-api")
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("officer"))));
        Reports.put(token, Reports.newId(), FULL).statusCode(401);
    }
}
