package org.borderwatch.report.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule of a report: a 400 problem naming the field, and nothing stored. */
@QuarkusTest
class ReportValidationTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");
    static final String LOC = "\"location\":{\"lat\":21.5,\"lon\":107.9}";
    static final String BASE = "\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\"," + LOC;

    static Stream<Arguments> invalidReports() {
        String soon = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10).toString();
        return Stream.of(
                Arguments.of("{\"occurredAt\":\"2026-11-20T21:40:00+07:00\"," + LOC + "}", "category"),
                Arguments.of("{\"category\":\"DRUGS\"," + LOC + "}", "occurredAt"),
                Arguments.of("{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\"}", "location"),
                Arguments.of("{\"category\":\"NARCOTICS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\"," + LOC + "}", "category"),
                Arguments.of("{\"category\":\"DRUGS\",\"occurredAt\":\"" + soon + "\"," + LOC + "}", "occurredAt"),
                Arguments.of("{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20 21:40\"," + LOC + "}", "occurredAt"),
                Arguments.of("{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\",\"location\":{\"lat\":90.01,\"lon\":1}}", "location.lat"),
                Arguments.of("{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\",\"location\":{\"lat\":-91,\"lon\":1}}", "location.lat"),
                Arguments.of("{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\",\"location\":{\"lat\":1,\"lon\":180.5}}", "location.lon"),
                Arguments.of("{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\",\"location\":{\"lat\":1}}", "location.lon"),
                Arguments.of("{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\",\"location\":{\"lat\":\"north\",\"lon\":1}}", "location.lat"),
                Arguments.of("{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\",\"location\":{\"lat\":1,\"lon\":1,\"accuracyMeters\":-3}}", "location.accuracyMeters"),
                Arguments.of("{" + BASE + ",\"narrative\":{\"text\":\"x\",\"lang\":\"not a tag\"}}", "narrative.lang"),
                Arguments.of("{" + BASE + ",\"narrative\":{\"text\":\"x\",\"lang\":\"qq\"}}", "narrative.lang"),
                Arguments.of("{" + BASE + ",\"narrative\":{\"text\":\"" + "a".repeat(10_001) + "\",\"lang\":\"vi\"}}", "narrative.text"),
                Arguments.of("{" + BASE + ",\"narrative\":{\"text\":\"  \",\"lang\":\"vi\"}}", "narrative.text"),
                Arguments.of("{" + BASE + ",\"people\":[{\"role\":\"SUSPECT\",\"count\":2,\"nationality\":\"XX\"}]}", "people[0].nationality"),
                Arguments.of("{" + BASE + ",\"people\":[{\"role\":\"SUSPECT\",\"count\":2,\"nationality\":\"vn\"}]}", "people[0].nationality"),
                Arguments.of("{" + BASE + ",\"people\":[{\"role\":\"SUSPECT\",\"count\":0}]}", "people[0].count"),
                Arguments.of("{" + BASE + ",\"people\":[{\"role\":\"BOSS\",\"count\":1}]}", "people[0].role"),
                Arguments.of("{" + BASE + ",\"people\":[" + "{\"role\":\"SUSPECT\",\"count\":1},".repeat(50) + "{\"role\":\"SUSPECT\",\"count\":1}]}", "people"),
                Arguments.of("{" + BASE + ",\"vehicles\":[{\"plate\":\"" + "9".repeat(21) + "\",\"kind\":\"CAR\"}]}", "vehicles[0].plate"),
                Arguments.of("{" + BASE + ",\"goods\":[{\"kind\":\"CIGARETTES\",\"estimatedValue\":{\"amount\":5,\"currency\":\"XYZ\"}}]}", "goods[0].estimatedValue.currency"),
                Arguments.of("{" + BASE + ",\"goods\":[{\"kind\":\"CIGARETTES\",\"estimatedValue\":{\"amount\":-5,\"currency\":\"VND\"}}]}", "goods[0].estimatedValue.amount"),
                Arguments.of("{" + BASE + ",\"goods\":[{\"kind\":\"CIGARETTES\",\"quantity\":-1}]}", "goods[0].quantity"),
                Arguments.of("{" + BASE + ",\"borderGate\":\"mong cai\"}", "borderGate"),
                Arguments.of("{" + BASE + ",\"impact\":\"EXTREME\"}", "impact"),
                Arguments.of("{" + BASE + ",\"deviceId\":\"" + "d".repeat(129) + "\"}", "deviceId"),
                Arguments.of("{" + BASE + ",\"colour\":\"red\"}", "colour"),
                Arguments.of("{" + BASE + ",\"status\":\"VERIFIED\"}", "status"),
                Arguments.of("{" + BASE + ",\"agency\":\"VN-LS\"}", "agency"),
                Arguments.of("{" + BASE + ",\"reporter\":\"someone\"}", "reporter"),
                Arguments.of("{" + BASE + ",\"receivedAt\":\"2026-11-20T21:40:00Z\"}", "receivedAt"),
                Arguments.of("{" + BASE + ",\"id\":\"" + UUID.randomUUID() + "\"}", "id"),
                Arguments.of("[" + "{" + BASE + "}]", "body"),
                Arguments.of("\"just a string\"", "body"));
    }

    @ParameterizedTest
    @MethodSource("invalidReports")
    void invalidReportsAre400NamingTheFieldAndStoreNothing(String body, String field) {
        UUID id = Reports.newId();
        Reports.put(OFFICER, id, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:borderwatch:problem:validation"))
                .body("title", equalTo("Request validation failed"))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.borderwatch")));
        assertEquals(0, Db.count("select count(*) from report where id = ?", id));
    }

    @Test
    void malformedJsonIs400MalformedBody() {
        UUID id = Reports.newId();
        Reports.put(OFFICER, id, "{\"category\":\"DRUGS\",").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:borderwatch:problem:malformed-body"));
        assertEquals(0, Db.count("select count(*) from report where id = ?", id));
    }

    @Test
    void anEmptyBodyIs400NamingTheBody() {
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .when().put("/api/v1/reports/{id}", Reports.newId())
                .then().statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void aBodyOver256KibIs413ProblemJsonAndStoresNothing() {
        UUID id = Reports.newId();
        String huge = "{" + BASE + ",\"narrative\":{\"text\":\"" + "a".repeat(256 * 1024) + "\",\"lang\":\"vi\"}}";
        Reports.put(OFFICER, id, huge).statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:borderwatch:problem:payload-too-large"));
        assertEquals(0, Db.count("select count(*) from report where id = ?", id));
    }

    @Test
    void aBodyJustUnder256KibIsReadAndJudgedOnItsFields() {
        String big = "{" + BASE + ",\"narrative\":{\"text\":\"" + "a".repeat(200 * 1024) + "\",\"lang\":\"vi\"}}";
        Reports.put(OFFICER, Reports.newId(), big).statusCode(400).body("errors.field", hasItem("narrative.text"));
    }

    @Test
    void anOccurredAtWithinTheClockSkewIsAccepted() {
        String soon = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(3).toString();
        Reports.put(OFFICER, Reports.newId(), "{\"category\":\"DRUGS\",\"occurredAt\":\"" + soon + "\"," + LOC + "}").statusCode(201);
    }

    @Test
    void aNonJsonContentTypeIs415() {
        given().auth().oauth2(OFFICER).contentType(ContentType.TEXT).body("hello")
                .when().put("/api/v1/reports/{id}", Reports.newId())
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void titlesFollowAcceptLanguage() {
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("Accept-Language", "vi-VN,vi;q=0.9")
                .body("{}").when().put("/api/v1/reports/{id}", Reports.newId())
                .then().statusCode(400).body("title", equalTo("Yêu cầu không hợp lệ"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("Accept-Language", "zh-CN")
                .body("{}").when().put("/api/v1/reports/{id}", Reports.newId())
                .then().statusCode(400).body("title", equalTo("请求验证失败"));
    }
}
