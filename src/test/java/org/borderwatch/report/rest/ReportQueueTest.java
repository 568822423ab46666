package org.borderwatch.report.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** The supervisors' queue: filters, free text in any language, sorting and isolation. */
@QuarkusTest
class ReportQueueTest {

    static final String SUPERVISOR = Tokens.token("supervisor.qn", "supervisor", "VN-QN");

    static String report(String gate, double lat, double lon, String impact, String text, String lang) {
        return "{\"category\":\"GOODS_SMUGGLING\",\"occurredAt\":\"2026-11-19T10:00:00+07:00\",\"location\":{\"lat\":" + lat + ",\"lon\":" + lon + "},"
                + "\"borderGate\":\"" + gate + "\",\"impact\":\"" + impact + "\",\"narrative\":{\"text\":\"" + text + "\",\"lang\":\"" + lang + "\"}}";
    }

    @Test
    void filtersNarrowTheQueue() {
        String officer = Tokens.officer("queue-" + UUID.randomUUID(), "VN-QN");
        String gate = "GATE_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        UUID low = Reports.filed(officer, report(gate, 21.52, 107.96, "LOW", "Thuốc lá lậu qua cầu Bắc Luân", "vi"));
        UUID high = Reports.filed(officer, report(gate, 22.80, 106.70, "HIGH", "走私香烟 经过 北仑河", "zh"));
        queue("borderGate", gate).body("items.id", contains(high.toString(), low.toString()));
        queue("borderGate", gate, "sort", "oldest").body("items.id", contains(low.toString(), high.toString()));
        queue("borderGate", gate, "impact", "HIGH").body("items.id", contains(high.toString()));
        queue("borderGate", gate, "bbox", "107.5,21.3,108.1,21.7").body("items.id", contains(low.toString()));
        queue("borderGate", gate, "q", "bắc luân").body("items.id", contains(low.toString()));
        queue("borderGate", gate, "q", "香烟").body("items.id", contains(high.toString()));
        queue("borderGate", gate, "q", "100%_").body("items", org.hamcrest.Matchers.empty());
        queue("borderGate", gate, "limit", "1").body("items.id", contains(high.toString()));
    }

    @Test
    void theQueueOfAnotherAgencyDoesNotShowThisOne() {
        UUID id = Reports.filed(Tokens.officer("officer.qn", "VN-QN"), Reports.FULL);
        given().auth().oauth2(Tokens.token("supervisor.ls", "supervisor", "VN-LS")).queryParam("limit", 200)
                .when().get("/api/v1/reports").then().statusCode(200).body("items.id", not(hasItem(id.toString())));
    }

    @Test
    void badFiltersAre400NamingThem() {
        queueRaw("bbox", "1,2,3").statusCode(400).body("errors.field", hasItem("bbox"));
        queueRaw("bbox", "10,10,5,5").statusCode(400).body("errors.field", hasItem("bbox"));
        queueRaw("sort", "random").statusCode(400).body("errors.field", hasItem("sort"));
        queueRaw("impact", "HUGE").statusCode(400).body("errors.field", hasItem("impact"));
        queueRaw("q", "x".repeat(201)).statusCode(400).body("errors.field", hasItem("q"));
        queueRaw("status", "DONE").statusCode(400).body("errors.field", hasItem("status"));
    }

    static ValidatableResponse queue(String... params) {
        return queueRaw(params).statusCode(200);
    }

    static ValidatableResponse queueRaw(String... params) {
        var request = given().auth().oauth2(SUPERVISOR);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.when().get("/api/v1/reports").then();
    }
}
