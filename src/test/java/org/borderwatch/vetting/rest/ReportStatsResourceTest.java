package org.borderwatch.vetting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Random;
import java.util.UUID;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** Counts for dashboards, and the map form of the queue. */
@QuarkusTest
class ReportStatsResourceTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");
    static final String SUPERVISOR = Tokens.token("supervisor.qn", "supervisor", "VN-QN");
    static final Random RANDOM = new Random();

    @Test
    void countsGroupTheAgencysReports() {
        String day = "2023-0" + (1 + RANDOM.nextInt(9)) + "-1" + RANDOM.nextInt(10);
        Reports.filed(OFFICER, RelatedReportsResourceTest.report("CYBER_FRAUD", day, 21.5, 107.9, null, null));
        Reports.filed(OFFICER, RelatedReportsResourceTest.report("CYBER_FRAUD", day, 21.5, 107.9, null, null));
        Reports.filed(OFFICER, RelatedReportsResourceTest.report("EPIDEMIC_RISK", day, 21.5, 107.9, null, null));
        Reports.filed(Tokens.officer("officer.ls", "VN-LS"), RelatedReportsResourceTest.report("EPIDEMIC_RISK", day, 21.5, 107.9, null, null));
        stats("category", day + "T00:00:00+07:00", day + "T23:59:59+07:00").statusCode(200)
                .body("items.key", contains("CYBER_FRAUD", "EPIDEMIC_RISK"))
                .body("items.count", contains(2, 1));
        stats("day", day + "T00:00:00+07:00", day + "T23:59:59+07:00").statusCode(200)
                .body("items", hasSize(1)).body("items[0].count", equalTo(3));
        stats("gate", day + "T00:00:00+07:00", day + "T23:59:59+07:00").statusCode(200).body("items[0].key", equalTo("NONE"));
    }

    @Test
    void badCountRequestsAre400() {
        stats("colour", null, null).statusCode(400).body("errors.field", hasItem("groupBy"));
        stats("category", "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z").statusCode(400).body("errors.field", hasItem("from"));
        stats("category", "soon", null).statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(OFFICER).queryParam("groupBy", "category").when().get("/api/v1/stats/reports").then().statusCode(403);
    }

    @Test
    void theQueueComesAsGeoJsonForMaps() {
        String gate = "MAP_" + RANDOM.nextInt(1_000_000);
        UUID id = Reports.filed(OFFICER, "{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-19T10:00:00+07:00\","
                + "\"location\":{\"lat\":21.52,\"lon\":107.96},\"borderGate\":\"" + gate + "\"}");
        given().auth().oauth2(SUPERVISOR).accept("application/geo+json").queryParam("borderGate", gate)
                .when().get("/api/v1/reports").then().statusCode(200).contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features[0].id", equalTo(id.toString()))
                .body("features[0].geometry.type", equalTo("Point"))
                .body("features[0].geometry.coordinates", contains(107.96f, 21.52f))
                .body("features[0].properties.borderGate", equalTo(gate));
    }

    static ValidatableResponse stats(String groupBy, String from, String to) {
        var request = given().auth().oauth2(SUPERVISOR).queryParam("groupBy", groupBy);
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.when().get("/api/v1/stats/reports").then();
    }
}
