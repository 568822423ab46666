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

/** Related reports: reasons, ranking, isolation. */
@QuarkusTest
class RelatedReportsResourceTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");
    static final String SUPERVISOR = Tokens.token("supervisor.qn", "supervisor", "VN-QN");
    static final Random RANDOM = new Random();

    static String report(String category, String day, double lat, double lon, String plate, String marker) {
        return "{\"category\":\"" + category + "\",\"occurredAt\":\"" + day + "T10:00:00+07:00\",\"location\":{\"lat\":" + lat + ",\"lon\":" + lon + "}"
                + (plate == null ? "" : ",\"vehicles\":[{\"plate\":\"" + plate + "\",\"kind\":\"TRUCK\"}]")
                + (marker == null ? "" : ",\"borderMarker\":\"" + marker + "\"") + "}";
    }

    @Test
    void relatedReportsCarryTheirReasonsMostRelatedFirst() {
        double lat = -60 + RANDOM.nextDouble() * 10;
        double lon = -170 + RANDOM.nextDouble() * 10;
        String plate = "T" + RANDOM.nextInt(100) + "A-" + RANDOM.nextInt(1000) + "." + RANDOM.nextInt(100);
        String marker = "M" + RANDOM.nextInt(1_000_000);
        UUID anchor = Reports.filed(OFFICER, report("WEAPONS", "2025-03-10", lat, lon, plate, null));
        UUID samePlate = Reports.filed(OFFICER, report("WILDLIFE_TRAFFICKING", "2024-01-01", lat + 5, lon + 5,
                plate.toLowerCase().replace("-", " ").replace(".", ""), null));
        UUID nearby = Reports.filed(OFFICER, report("WEAPONS", "2025-03-11", lat + 0.01, lon, null, marker));
        UUID sameMarker = Reports.filed(OFFICER, report("OTHER", "2020-05-05", lat - 5, lon - 5, null, marker));
        UUID unrelated = Reports.filed(OFFICER, report("WEAPONS", "2025-03-10", lat + 3, lon + 3, null, null));
        UUID otherAgency = Reports.filed(Tokens.officer("officer.ls", "VN-LS"), report("WEAPONS", "2025-03-10", lat, lon, plate, null));

        given().auth().oauth2(SUPERVISOR).when().get("/api/v1/reports/{id}/related", anchor).then().statusCode(200)
                .body("items.report.id", contains(samePlate.toString(), nearby.toString()))
                .body("items[0].reasons", contains("SAME_VEHICLE_PLATE"))
                .body("items[1].reasons", contains("SAME_CATEGORY_NEARBY"))
                .body("items.report.id", not(hasItem(unrelated.toString())))
                .body("items.report.id", not(hasItem(otherAgency.toString())));
        given().auth().oauth2(SUPERVISOR).when().get("/api/v1/reports/{id}/related", nearby).then().statusCode(200)
                .body("items.find { it.report.id == '" + sameMarker + "' }.reasons", contains("SAME_BORDER_MARKER"));
    }

    @Test
    void relatedIsForTheOwnAgencysSupervisors() {
        UUID id = Reports.filed(OFFICER, Reports.FULL);
        given().auth().oauth2(OFFICER).when().get("/api/v1/reports/{id}/related", id).then().statusCode(403);
        given().auth().oauth2(Tokens.token("supervisor.ls", "supervisor", "VN-LS")).when().get("/api/v1/reports/{id}/related", id)
                .then().statusCode(404);
        given().auth().oauth2(SUPERVISOR).when().get("/api/v1/reports/xyz/related").then().statusCode(400)
                .body("errors.field", hasItem("id"));
    }
}
