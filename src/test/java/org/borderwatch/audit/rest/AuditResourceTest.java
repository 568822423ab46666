package org.borderwatch.audit.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

    static final String AUDITOR = Tokens.token("auditor", "auditor", "VN-QN");
    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");

    @Test
    void theAuditorSeesWhoFiledReadAndTriedToReadAReport() {
        UUID id = Reports.filed(OFFICER, FULL);
        given().auth().oauth2(OFFICER).header("X-Request-Id", "req-audit-1").header("User-Agent", "BorderwatchTest/1")
                .header("X-Device-Id", "android-test").when().get("/api/v1/reports/{id}", id).then().statusCode(200);
        Reports.get(Tokens.officer("officer.ls", "VN-LS"), id).statusCode(404);
        given().auth().oauth2(AUDITOR).queryParam("resourceId", id.toString()).when().get("/api/v1/audit/events")
                .then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.action", hasItems("REPORT_CREATE", "REPORT_READ"))
                .body("items.outcome", hasItems("ALLOWED", "DENIED"))
                .body("items.find { it.requestId == 'req-audit-1' }.userAgent", equalTo("BorderwatchTest/1"))
                .body("items.find { it.requestId == 'req-audit-1' }.deviceId", equalTo("android-test"))
                .body("items.find { it.requestId == 'req-audit-1' }.subject", equalTo(Tokens.subject("officer.qn")))
                .body("items.find { it.requestId == 'req-audit-1' }.roles", equalTo("officer"))
                .body("items.find { it.requestId == 'req-audit-1' }.clientAddress", notNullValue())
                .body("items.find { it.outcome == 'DENIED' }.agency", equalTo("VN-LS"));
    }

    @Test
    void filtersNarrowTheLog() {
        UUID id = Reports.filed(OFFICER, FULL);
        Reports.get(Tokens.officer("officer2.qn", "VN-QN"), id).statusCode(404);
        given().auth().oauth2(AUDITOR).queryParam("resourceId", id.toString()).queryParam("outcome", "DENIED")
                .when().get("/api/v1/audit/events")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].subject", equalTo(Tokens.subject("officer2.qn")));
        given().auth().oauth2(AUDITOR).queryParam("resourceId", id.toString()).queryParam("action", "REPORT_CREATE")
                .queryParam("actor", Tokens.subject("officer.qn")).queryParam("from", "2020-01-01T00:00:00Z")
                .when().get("/api/v1/audit/events")
                .then().statusCode(200).body("items", hasSize(1)).body("items.action", everyItem(equalTo("REPORT_CREATE")));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeats() {
        UUID id = Reports.filed(OFFICER, FULL);
        Reports.get(OFFICER, id).statusCode(200);
        Reports.get(OFFICER, id).statusCode(200);
        JsonPath first = page(id, null);
        JsonPath second = page(id, first.getString("nextCursor"));
        JsonPath third = page(id, second.getString("nextCursor"));
        assertNotEquals(first.getString("items[0].id"), second.getString("items[0].id"));
        assertNotEquals(second.getString("items[0].id"), third.getString("items[0].id"));
        assertEquals("REPORT_CREATE", third.getString("items[0].action"));
    }

    @Test
    void anAuditorOfAnotherAgencyDoesNotSeeThisAgencysEvents() {
        UUID id = Reports.filed(OFFICER, FULL);
        given().auth().oauth2(Tokens.token("auditor.gx", "auditor", "CN-GX")).queryParam("resourceId", id.toString())
                .when().get("/api/v1/audit/events")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void readingTheLogIsItselfLogged() {
        String name = "auditor-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.token(name, "auditor", "VN-QN")).when().get("/api/v1/audit/events").then().statusCode(200);
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'AUDIT_READ' and subject = ?", Tokens.subject(name)));
    }

    @Test
    void whoAccessedThisGivesOneLinePerAccessWithTheStatedPurpose() {
        UUID id = Reports.filed(OFFICER, FULL);
        given().auth().oauth2(Tokens.token("supervisor.qn", "supervisor", "VN-QN")).header("X-Access-Purpose", "investigation 2026/117")
                .when().get("/api/v1/reports/{id}", id).then().statusCode(200);
        Reports.get(Tokens.officer("officer.ls", "VN-LS"), id).statusCode(404);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/resources/REPORT/{id}/access", id).then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].outcome", equalTo("DENIED")).body("items[0].agency", equalTo("VN-LS"))
                .body("items[1].purpose", equalTo("investigation 2026/117")).body("items[1].action", equalTo("REPORT_READ"))
                .body("items[2].action", equalTo("REPORT_CREATE"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/resources/SPACESHIP/{id}/access", id).then().statusCode(400)
                .body("errors.field", hasItem("type"));
        given().auth().oauth2(OFFICER).when().get("/api/v1/audit/resources/REPORT/{id}/access", id).then().statusCode(403);
        given().auth().oauth2(Tokens.token("auditor.gx", "auditor", "CN-GX")).when().get("/api/v1/audit/resources/REPORT/{id}/access", id)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void otherRolesGet403() {
        given().auth().oauth2(OFFICER).when().get("/api/v1/audit/events").then().statusCode(403);
        given().auth().oauth2(Tokens.token("admin", "admin", "VN-QN")).when().get("/api/v1/audit/events").then().statusCode(403);
    }

    @Test
    void badParametersAre400NamingThem() {
        given().auth().oauth2(AUDITOR).queryParam("limit", 500).when().get("/api/v1/audit/events")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().auth().oauth2(AUDITOR).queryParam("outcome", "MAYBE").when().get("/api/v1/audit/events")
                .then().statusCode(400).body("errors.field", hasItem("outcome"));
        given().auth().oauth2(AUDITOR).queryParam("from", "last tuesday").when().get("/api/v1/audit/events")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(AUDITOR).queryParam("cursor", "bm9wZQ").when().get("/api/v1/audit/events")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    private static JsonPath page(UUID id, String cursor) {
        var request = given().auth().oauth2(AUDITOR).queryParam("resourceId", id.toString()).queryParam("limit", 1);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.when().get("/api/v1/audit/events").then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
    }
}
