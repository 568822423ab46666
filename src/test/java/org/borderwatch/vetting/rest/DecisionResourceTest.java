package org.borderwatch.vetting.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.borderwatch.support.Reports.MINIMAL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
public class DecisionResourceTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");
    static final String SUPERVISOR = Tokens.token("supervisor.qn", "supervisor", "VN-QN");
    public static final String VERIFY = "{\"decision\":\"VERIFY\",\"grading\":{\"source\":\"B\",\"information\":\"2\"},\"impact\":\"MEDIUM\",\"note\":\"Matches the patrol log\"}";
    public static final String REJECT = "{\"decision\":\"REJECT\",\"reason\":\"Duplicate\"}";
    public static final String ASK = "{\"decision\":\"REQUEST_INFO\",\"question\":\"How many packages?\"}";

    @Test
    void verifyingGradesTheReportAndMakesANewVersion() {
        UUID id = Reports.filed(OFFICER, FULL);
        decide(SUPERVISOR, id, "\"1\"", VERIFY).statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("VERIFIED"))
                .body("grading.source", equalTo("B")).body("grading.information", equalTo("2"))
                .body("impact", equalTo("MEDIUM"));
        history(OFFICER, id).body("items.kind", contains("FILED", "VERIFIED"))
                .body("items[1].grading.source", equalTo("B")).body("items[1].note", equalTo("Matches the patrol log"));
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and action = 'REPORT_DECIDE' and outcome = 'ALLOWED'", id.toString()));
    }

    @Test
    void aQuestionReachesTheOfficerAndTheAnswerPutsTheReportBackInTheQueue() {
        UUID id = Reports.filed(OFFICER, FULL);
        decide(SUPERVISOR, id, "\"1\"", ASK).statusCode(200).body("status", equalTo("NEEDS_INFO"));
        Reports.get(OFFICER, id).statusCode(200).body("status", equalTo("NEEDS_INFO"))
                .body("question", equalTo("How many packages?"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(MINIMAL)
                .when().put("/api/v1/reports/{id}", id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("question", nullValue());
        history(SUPERVISOR, id).body("items.kind", contains("FILED", "INFO_REQUESTED", "ANSWERED"))
                .body("items[1].note", equalTo("How many packages?"))
                .body("items[2].fromStatus", equalTo("NEEDS_INFO")).body("items[2].toStatus", equalTo("SUBMITTED"));
        decide(SUPERVISOR, id, "\"3\"", VERIFY).statusCode(200).body("status", equalTo("VERIFIED"));
    }

    @Test
    void rejectingKeepsTheReason() {
        UUID id = Reports.filed(OFFICER, FULL);
        decide(SUPERVISOR, id, "\"1\"", REJECT).statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Duplicate"));
    }

    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of(List.of(), VERIFY, 200), Arguments.of(List.of(), REJECT, 200), Arguments.of(List.of(), ASK, 200),
                Arguments.of(List.of(ASK), VERIFY, 409), Arguments.of(List.of(ASK), ASK, 409), Arguments.of(List.of(ASK), REJECT, 200),
                Arguments.of(List.of(VERIFY), VERIFY, 409), Arguments.of(List.of(VERIFY), REJECT, 409), Arguments.of(List.of(VERIFY), ASK, 409),
                Arguments.of(List.of(REJECT), VERIFY, 409), Arguments.of(List.of(REJECT), REJECT, 409), Arguments.of(List.of(REJECT), ASK, 409));
    }

    @ParameterizedTest
    @MethodSource("transitions")
    void everyTransitionIsAllowedOrRefusedByTheTable(List<String> before, String decision, int status) {
        UUID id = Reports.filed(OFFICER, FULL);
        int version = 1;
        for (String step : before) {
            decide(SUPERVISOR, id, "\"" + version + "\"", step).statusCode(200);
            version++;
        }
        ValidatableResponse response = decide(SUPERVISOR, id, "\"" + version + "\"", decision).statusCode(status);
        if (status == 409) {
            String current = Reports.get(SUPERVISOR, id).extract().path("status");
            response.contentType("application/problem+json").body("detail", containsString(current));
        }
    }

    @ParameterizedTest
    @MethodSource("badDecisions")
    void decisionsCarryExactlyTheFieldsTheyNeed(String body, String field) {
        UUID id = Reports.filed(OFFICER, FULL);
        decide(SUPERVISOR, id, "\"1\"", body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        Reports.get(SUPERVISOR, id).body("status", equalTo("SUBMITTED"));
    }

    static Stream<Arguments> badDecisions() {
        return Stream.of(
                Arguments.of("{\"decision\":\"VERIFY\"}", "grading"),
                Arguments.of("{\"decision\":\"VERIFY\",\"grading\":{\"source\":\"D\",\"information\":\"2\"}}", "grading.source"),
                Arguments.of("{\"decision\":\"VERIFY\",\"grading\":{\"source\":\"A\",\"information\":\"5\"}}", "grading.information"),
                Arguments.of("{\"decision\":\"VERIFY\",\"grading\":{\"source\":\"A\"}}", "grading.information"),
                Arguments.of("{\"decision\":\"REJECT\"}", "reason"),
                Arguments.of("{\"decision\":\"REJECT\",\"reason\":\"  \"}", "reason"),
                Arguments.of("{\"decision\":\"REQUEST_INFO\"}", "question"),
                Arguments.of("{\"decision\":\"REJECT\",\"reason\":\"x\",\"grading\":{\"source\":\"A\",\"information\":\"1\"}}", "grading"),
                Arguments.of("{\"decision\":\"REQUEST_INFO\",\"question\":\"q\",\"impact\":\"HIGH\"}", "impact"),
                Arguments.of("{\"decision\":\"APPROVE\"}", "decision"),
                Arguments.of("{\"grading\":{\"source\":\"A\",\"information\":\"1\"}}", "decision"),
                Arguments.of("{\"decision\":\"REJECT\",\"reason\":\"x\",\"status\":\"VERIFIED\"}", "status"));
    }

    @Test
    void ifMatchIsRequiredAndMustBeCurrent() {
        UUID id = Reports.filed(OFFICER, FULL);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(VERIFY)
                .when().post("/api/v1/reports/{id}/decisions", id).then().statusCode(428)
                .body("type", equalTo("urn:borderwatch:problem:precondition-required"));
        decide(SUPERVISOR, id, "\"7\"", VERIFY).statusCode(412);
        Reports.get(SUPERVISOR, id).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aSupervisorCannotDecideOnTheirOwnReport() {
        String both = Tokens.withRoles("officer-supervisor.qn", "VN-QN", "officer", "supervisor");
        UUID id = Reports.filed(both, FULL);
        decide(both, id, "\"1\"", VERIFY).statusCode(403).contentType("application/problem+json");
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and action = 'REPORT_DECIDE' and outcome = 'DENIED'", id.toString()));
    }

    @Test
    void twoSupervisorsDecidingAtOnceOneWinsTheOtherGets412() throws Exception {
        for (int round = 0; round < 3; round++) {
            UUID id = Reports.filed(OFFICER, FULL);
            String second = Tokens.token("supervisor2.qn", "supervisor", "VN-QN");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                Future<Integer> a = pool.submit(() -> { start.await(); return decide(SUPERVISOR, id, "\"1\"", VERIFY).extract().statusCode(); });
                Future<Integer> b = pool.submit(() -> { start.await(); return decide(second, id, "\"1\"", REJECT).extract().statusCode(); });
                start.countDown();
                Map<Integer, Long> statuses = Stream.of(a.get(), b.get()).collect(Collectors.groupingBy(s -> s, Collectors.counting()));
                assertEquals(Map.of(200, 1L, 412, 1L), statuses);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, Db.count("select count(*) from report_history where report_id = ?", id));
        }
    }

    @Test
    void officersCannotDecideAndOtherAgenciesSee404() {
        UUID id = Reports.filed(OFFICER, FULL);
        decide(OFFICER, id, "\"1\"", VERIFY).statusCode(403);
        decide(Tokens.token("supervisor.ls", "supervisor", "VN-LS"), id, "\"1\"", VERIFY).statusCode(404);
        decide(SUPERVISOR, UUID.randomUUID(), "\"1\"", VERIFY).statusCode(404);
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and action = 'REPORT_DECIDE'"
                + " and outcome = 'DENIED' and agency = 'VN-LS'", id.toString()));
        Reports.get(SUPERVISOR, id).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.token("supervisor.ls", "supervisor", "VN-LS")).when().get("/api/v1/reports/{id}/history", id)
                .then().statusCode(404);
    }

    public static ValidatableResponse decide(String token, UUID id, String etag, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().post("/api/v1/reports/{id}/decisions", id).then();
    }

    static ValidatableResponse history(String token, UUID id) {
        return given().auth().oauth2(token).when().get("/api/v1/reports/{id}/history", id).then().statusCode(200);
    }
}
