package org.borderwatch.vetting.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.borderwatch.support.Reports.MINIMAL;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseResourceTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");
    static final String SUPERVISOR = Tokens.token("supervisor.qn", "supervisor", "VN-QN");
    static final String OTHER_SUPERVISOR = Tokens.token("supervisor.ls", "supervisor", "VN-LS");

    static UUID verified(String body) {
        UUID id = Reports.filed(OFFICER, body);
        DecisionResourceTest.decide(SUPERVISOR, id, "\"1\"", DecisionResourceTest.VERIFY).statusCode(200);
        return id;
    }

    static ValidatableResponse open(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/cases").then();
    }

    static String caseBody(UUID... reports) {
        StringBuilder ids = new StringBuilder();
        for (UUID id : reports) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        return "{\"title\":\"Meth at Bac Luan II\",\"impact\":\"HIGH\",\"reportIds\":[" + ids + "]}";
    }

    @Test
    void aCaseIsOpenedFromVerifiedReportsAndReadWithThem() {
        UUID drugs = verified(FULL);
        UUID crossing = verified(MINIMAL);
        String location = open(SUPERVISOR, caseBody(drugs, crossing)).statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("OPEN")).body("agency", equalTo("VN-QN"))
                .body("categories", contains("DRUGS", "ILLEGAL_CROSSING"))
                .body("reportIds", containsInAnyOrder(drugs.toString(), crossing.toString()))
                .extract().header("Location");
        given().auth().oauth2(SUPERVISOR).when().get(location).then().statusCode(200)
                .body("reports.id", containsInAnyOrder(drugs.toString(), crossing.toString()))
                .body("title", equalTo("Meth at Bac Luan II"));
    }

    @Test
    void onlyVerifiedReportsInNoOtherCaseGoIn() {
        UUID submitted = Reports.filed(OFFICER, FULL);
        open(SUPERVISOR, caseBody(submitted)).statusCode(409).body("detail", containsString("SUBMITTED"));
        UUID taken = verified(FULL);
        open(SUPERVISOR, caseBody(taken)).statusCode(201);
        open(SUPERVISOR, caseBody(taken)).statusCode(409).body("detail", containsString("already belongs"));
        assertEquals(1, Db.count("select count(*) from case_file c join report r on r.case_id = c.id where r.id = ?", taken));
    }

    @Test
    void badCaseRequestsAre400NamingTheField() {
        UUID id = verified(FULL);
        open(SUPERVISOR, "{\"reportIds\":[\"" + id + "\"]}").statusCode(400).body("errors.field", hasItem("title"));
        open(SUPERVISOR, "{\"title\":\"x\",\"reportIds\":[]}").statusCode(400).body("errors.field", hasItem("reportIds"));
        open(SUPERVISOR, "{\"title\":\"x\",\"reportIds\":[\"nope\"]}").statusCode(400).body("errors.field", hasItem("reportIds[0]"));
        open(SUPERVISOR, "{\"title\":\"x\",\"reportIds\":[\"" + id + "\",\"" + id + "\"]}").statusCode(400).body("errors.field", hasItem("reportIds"));
        open(SUPERVISOR, "{\"title\":\"x\",\"status\":\"CLOSED\",\"reportIds\":[\"" + id + "\"]}").statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void reportsAreAddedAndRemovedAndTheCaseChangesUnderIfMatch() {
        UUID first = verified(FULL);
        UUID second = verified(MINIMAL);
        String id = open(SUPERVISOR, caseBody(first)).statusCode(201).extract().path("id");
        change(id, "\"0\"", "post", "{\"reportId\":\"" + second + "\"}", "/reports").statusCode(200).header("ETag", "\"1\"")
                .body("reportIds", hasSize(2));
        change(id, "\"0\"", "patch", "{\"status\":\"CLOSED\"}", "").statusCode(412);
        given().auth().oauth2(SUPERVISOR).header("If-Match", "\"1\"").when().delete("/api/v1/cases/{id}/reports/{r}", id, first)
                .then().statusCode(200).body("reportIds", contains(second.toString()));
        given().auth().oauth2(SUPERVISOR).header("If-Match", "\"2\"").when().delete("/api/v1/cases/{id}/reports/{r}", id, second)
                .then().statusCode(409);
        change(id, "\"2\"", "patch", "{\"status\":\"CLOSED\",\"summary\":\"Arrested\"}", "").statusCode(200)
                .body("status", equalTo("CLOSED")).body("summary", equalTo("Arrested"));
        change(id, "\"3\"", "post", "{\"reportId\":\"" + first + "\"}", "/reports").statusCode(409).body("detail", containsString("CLOSED"));
        change(id, "\"3\"", "patch", "{}", "").statusCode(400);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"status\":\"OPEN\"}")
                .when().patch("/api/v1/cases/{id}", id).then().statusCode(428);
    }

    @Test
    void casesAreListedForTheOwnAgencyOnly() {
        UUID report = verified(FULL);
        String id = open(SUPERVISOR, caseBody(report)).statusCode(201).extract().path("id");
        given().auth().oauth2(SUPERVISOR).queryParam("status", "OPEN").queryParam("limit", 200).when().get("/api/v1/cases")
                .then().statusCode(200).body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.categories", contains("DRUGS"));
        given().auth().oauth2(OTHER_SUPERVISOR).queryParam("limit", 200).when().get("/api/v1/cases")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(SUPERVISOR).queryParam("status", "PENDING").when().get("/api/v1/cases").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void anotherAgencyGets404EverywhereAndItIsAudited() {
        UUID report = verified(FULL);
        String id = open(SUPERVISOR, caseBody(report)).statusCode(201).extract().path("id");
        given().auth().oauth2(OTHER_SUPERVISOR).when().get("/api/v1/cases/{id}", id).then().statusCode(404);
        given().auth().oauth2(OTHER_SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"CLOSED\"}")
                .when().patch("/api/v1/cases/{id}", id).then().statusCode(404);
        open(OTHER_SUPERVISOR, caseBody(report)).statusCode(404);
        assertEquals(2, Db.count("select count(*) from audit_event where resource_id = ? and outcome = 'DENIED' and agency = 'VN-LS'", id));
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and outcome = 'DENIED' and agency = 'VN-LS'", report.toString()));
    }

    @Test
    void officersCannotWorkCases() {
        open(OFFICER, caseBody(UUID.randomUUID())).statusCode(403);
        given().auth().oauth2(OFFICER).when().get("/api/v1/cases").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).when().get("/api/v1/cases/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    static ValidatableResponse change(String id, String etag, String method, String body, String sub) {
        var request = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", etag).body(body);
        return (method.equals("post") ? request.when().post("/api/v1/cases/" + id + sub) : request.when().patch("/api/v1/cases/" + id)).then();
    }
}
