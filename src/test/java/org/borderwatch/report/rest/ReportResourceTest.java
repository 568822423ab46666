package org.borderwatch.report.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.borderwatch.support.Reports.MINIMAL;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportResourceTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");
    static final String SUPERVISOR = Tokens.token("supervisor.qn", "supervisor", "VN-QN");

    @Test
    void filingANewReportAnswers201WithLocationEtagAndServerFields() {
        UUID id = Reports.newId();
        Reports.put(OFFICER, id, FULL)
                .statusCode(201)
                .header("Location", endsWith("/api/v1/reports/" + id))
                .header("ETag", "\"1\"")
                .body("id", equalTo(id.toString()))
                .body("agency", equalTo("VN-QN"))
                .body("reporter", equalTo(Tokens.subject("officer.qn")))
                .body("status", equalTo("SUBMITTED"))
                .body("version", equalTo(1))
                .body("receivedAt", notNullValue())
                .body("occurredAt", equalTo("2026-11-20T14:40:00Z"))
                .body("narrative.text", equalTo("Hai đối tượng vận chuyển ma túy qua sông"))
                .body("goods[0].estimatedValue.currency", equalTo("VND"))
                .body("vehicles[0].plate", equalTo("14A-123.45"));
        assertEquals(1, Db.count("select count(*) from report where id = ?", id));
    }

    @Test
    void theIdenticalBodyAgainAnswers200WithTheSameRepresentationAndNoDuplicate() {
        UUID id = Reports.newId();
        String first = Reports.put(OFFICER, id, FULL).statusCode(201).extract().asString();
        String again = Reports.put(OFFICER, id, FULL).statusCode(200).header("ETag", "\"1\"").extract().asString();
        assertEquals(first, again);
        assertEquals(1, Db.count("select count(*) from report where id = ?", id));
    }

    @Test
    void aDifferentBodyForAnExistingIdIsAConflict() {
        UUID id = Reports.filed(OFFICER, FULL);
        Reports.put(OFFICER, id, MINIMAL).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:borderwatch:problem:conflict"));
        Reports.get(OFFICER, id).body("category", equalTo("DRUGS"));
    }

    @Test
    void amendingWithIfMatchMakesANewVersionAndKeepsTheOldOne() {
        UUID id = Reports.filed(OFFICER, FULL);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(MINIMAL)
                .when().put("/api/v1/reports/{id}", id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("version", is(2)).body("category", equalTo("ILLEGAL_CROSSING"));
        given().auth().oauth2(OFFICER).when().get("/api/v1/reports/{id}/versions", id)
                .then().statusCode(200)
                .body("items.version", contains(1, 2))
                .body("items[0].content.category", equalTo("DRUGS"))
                .body("items[0].validTo", notNullValue())
                .body("items[1].content.category", equalTo("ILLEGAL_CROSSING"))
                .body("items[1].validTo", nullValue());
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        UUID id = Reports.filed(OFFICER, FULL);
        amend(id, "\"1\"", MINIMAL).statusCode(200);
        amend(id, "\"1\"", FULL).statusCode(412)
                .body("type", equalTo("urn:borderwatch:problem:precondition-failed"));
        Reports.get(OFFICER, id).body("version", is(2)).body("category", equalTo("ILLEGAL_CROSSING"));
    }

    @Test
    void anIfMatchThatIsNoVersionIs412() {
        UUID id = Reports.filed(OFFICER, FULL);
        amend(id, "bogus", MINIMAL).statusCode(412);
    }

    @Test
    void aReportPastSubmittedCannotBeAmended() {
        UUID id = Reports.filed(OFFICER, FULL);
        Db.update("update report set status = 'VERIFIED' where id = ?", id);
        amend(id, "\"1\"", MINIMAL).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("VERIFIED"));
    }

    @Test
    void anotherOfficerCannotAmendOrRetrySomeoneElsesReport() {
        UUID id = Reports.filed(OFFICER, FULL);
        String colleague = Tokens.officer("officer2.qn", "VN-QN");
        given().auth().oauth2(colleague).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(MINIMAL)
                .when().put("/api/v1/reports/{id}", id).then().statusCode(404);
        Reports.put(colleague, id, FULL).statusCode(404);
        Reports.get(OFFICER, id).body("version", is(1));
    }

    @Test
    void officersReadTheirOwnReportsAndSupervisorsTheirAgencys() {
        UUID id = Reports.filed(OFFICER, FULL);
        Reports.get(OFFICER, id).statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id.toString()));
        Reports.get(SUPERVISOR, id).statusCode(200).body("id", equalTo(id.toString()));
    }

    @Test
    void anUnknownReportIs404ProblemJson() {
        Reports.get(OFFICER, Reports.newId()).statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:borderwatch:problem:not-found"))
                .body("status", is(404));
    }

    @Test
    void anInvalidUuidInThePathIs400NamingId() {
        given().auth().oauth2(OFFICER).when().get("/api/v1/reports/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
    }

    private static io.restassured.response.ValidatableResponse amend(UUID id, String etag, String body) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/v1/reports/{id}", id).then();
    }
}
