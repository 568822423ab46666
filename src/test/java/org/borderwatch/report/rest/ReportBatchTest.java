package org.borderwatch.report.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.borderwatch.support.Reports.MINIMAL;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** The offline queue: each item judged alone, results in request order. */
@QuarkusTest
class ReportBatchTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");

    @Test
    void mixedBatchGivesOneResultPerItemInOrderAndBadItemsBlockNothing() {
        UUID fresh = UUID.randomUUID();
        UUID duplicate = Reports.filed(OFFICER, FULL);
        UUID conflicting = Reports.filed(OFFICER, FULL);
        UUID invalid = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        String body = "{\"reports\":[" + item(fresh, MINIMAL) + "," + item(duplicate, FULL) + "," + item(conflicting, MINIMAL) + ","
                + "{\"id\":\"" + invalid + "\",\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\",\"location\":{\"lat\":99,\"lon\":1}},"
                + "{\"id\":\"not-a-uuid\",\"category\":\"DRUGS\"}," + "42," + item(last, FULL) + "]}";
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/reports/batch")
                .then().statusCode(200)
                .body("results.outcome", contains("CREATED", "DUPLICATE", "CONFLICT", "INVALID", "INVALID", "INVALID", "CREATED"))
                .body("results.id", contains(fresh.toString(), duplicate.toString(), conflicting.toString(), invalid.toString(),
                        "not-a-uuid", null, last.toString()))
                .body("results[0].status", equalTo("SUBMITTED"))
                .body("results[0].problem", nullValue())
                .body("results[2].problem.type", equalTo("urn:borderwatch:problem:conflict"))
                .body("results[3].problem.errors.field", hasItem("location.lat"))
                .body("results[4].problem.errors.field", hasItem("id"))
                .body("results[5].problem.errors.field", hasItem("body"));
        assertEquals(1, Db.count("select count(*) from report where id = ?", fresh));
        assertEquals(1, Db.count("select count(*) from report where id = ?", last));
        assertEquals(0, Db.count("select count(*) from report where id = ?", invalid));
        Reports.get(OFFICER, conflicting).body("category", equalTo("DRUGS"));
    }

    @Test
    void sendingTheSameBatchAgainCreatesNothingNew() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String body = "{\"reports\":[" + item(a, MINIMAL) + "," + item(b, FULL) + "]}";
        post(body).statusCode(200).body("results.outcome", contains("CREATED", "CREATED"));
        post(body).statusCode(200).body("results.outcome", contains("DUPLICATE", "DUPLICATE"));
        assertEquals(2, Db.count("select count(*) from report where id in (?, ?)", a, b));
    }

    @Test
    void anIdOfAnotherOfficersReportIsAConflictThatRevealsNothingAndIsAudited() {
        UUID theirs = Reports.filed(Tokens.officer("officer.ls", "VN-LS"), FULL);
        post("{\"reports\":[" + item(theirs, FULL) + "]}").statusCode(200)
                .body("results[0].outcome", equalTo("CONFLICT"));
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and outcome = 'DENIED'", theirs.toString()));
    }

    @Test
    void moreThan100ReportsIs400NamingReports() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            items.add(item(UUID.randomUUID(), MINIMAL));
        }
        post("{\"reports\":[" + String.join(",", items) + "]}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reports"));
    }

    @Test
    void anEmptyOrMissingListIs400() {
        post("{\"reports\":[]}").statusCode(400).body("errors.field", hasItem("reports"));
        post("{}").statusCode(400).body("errors.field", hasItem("reports"));
        post("{\"reports\":[],\"extra\":1}").statusCode(400).body("errors.field", hasItem("extra"));
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body).when().post("/api/v1/reports/batch").then();
    }

    static String item(UUID id, String report) {
        return "{\"id\":\"" + id + "\"," + report.trim().substring(1);
    }
}
