package org.borderwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an independent OpenAPI fuzzer found: repeated JSON keys, content after the JSON value, invisible and
 * direction-changing characters in recorded texts, unvalidated query filters, unknown transfer codings. Each is a 4xx
 * naming what was wrong, and nothing is written.
 */
@QuarkusTest
class StrictInputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OFFICER = Tokens.officer("strict.officer", "VN-QN");
    static final String SUPERVISOR = Tokens.token("strict.supervisor", "supervisor", "VN-QN");
    static final String AUDITOR = Tokens.token("strict.auditor", "auditor", "VN-QN");

    static Stream<Arguments> writes() {
        List<ObjectPropertyTest.Write> writes = new ArrayList<>(ObjectPropertyTest.writes());
        writes.add(new ObjectPropertyTest.Write("report", f -> f.parties().officer(),
                f -> AccessMatrix.json("PUT", "/api/v1/reports/" + UUID.randomUUID(), Reports.FULL)));
        writes.add(new ObjectPropertyTest.Write("report amendment", f -> f.parties().officer(),
                f -> AccessMatrix.json("PUT", "/api/v1/reports/" + f.submittedReport(), Reports.MINIMAL).header("If-Match", "\"1\"")));
        writes.add(new ObjectPropertyTest.Write("batch", f -> f.parties().officer(),
                f -> AccessMatrix.json("POST", "/api/v1/reports/batch", "{\"reports\":[{\"id\":\"" + UUID.randomUUID() + "\","
                        + Reports.MINIMAL.strip().substring(1) + "]}")));
        writes.add(new ObjectPropertyTest.Write("report into a case", f -> f.parties().supervisor(),
                f -> AccessMatrix.json("POST", "/api/v1/cases/" + f.caseId() + "/reports", "{\"reportId\":\"" + f.spareReport() + "\"}")
                        .header("If-Match", "\"0\"")));
        return writes.stream().map(Arguments::of);
    }

    static long written() {
        return Db.count("select " + ObjectPropertyTest.TABLES + " + (select count(*) from report) + (select count(*) from report_version)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void aRepeatedKeyIsRefusedNamingItAndNothingIsWritten(ObjectPropertyTest.Write write) throws Exception {
        AccessMatrix.Fixture fixture = AccessMatrix.Fixture.create();
        AccessMatrix.Call call = write.call().apply(fixture);
        String first = JSON.readTree(call.body()).fieldNames().next();
        String value = JSON.writeValueAsString(JSON.readTree(call.body()).get(first));
        AccessMatrix.Call repeated = new AccessMatrix.Call(call.method(), call.path(),
                call.body().strip().replaceFirst("\\{", "{\"" + first + "\":" + java.util.regex.Matcher.quoteReplacement(value) + ","),
                call.headers());
        long before = written();
        AccessMatrix.Answer answer = AccessMatrix.send(repeated, write.token().apply(fixture));
        assertEquals(400, answer.status(), write.what() + ": " + answer.problem());
        assertEquals(List.of(first), answer.fields(), write.what() + " names the repeated key");
        assertEquals(before, written(), write.what() + " wrote something");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void contentAfterTheJsonIsRefusedAndNothingIsWritten(ObjectPropertyTest.Write write) throws Exception {
        AccessMatrix.Fixture fixture = AccessMatrix.Fixture.create();
        AccessMatrix.Call call = write.call().apply(fixture);
        for (String trailing : List.of("bla", "garbage[[[", "{}", " 1")) {
            long before = written();
            AccessMatrix.Answer answer = AccessMatrix.send(new AccessMatrix.Call(call.method(), call.path(), call.body().strip() + trailing,
                    call.headers()), write.token().apply(fixture));
            assertEquals(400, answer.status(), write.what() + " + " + trailing + ": " + answer.problem());
            assertEquals(before, written(), write.what() + " + " + trailing + " wrote something");
        }
    }

    @Test
    void aRepeatedInnerKeyIsNamedWithItsPath() {
        UUID id = Reports.newId();
        String body = Reports.FULL.replace("\"borderMarker\": \"1369\"", "\"borderMarker\": \"1\", \"borderMarker\": \"2\"")
                .replace("\"count\": 2", "\"count\": 2, \"count\": 3");
        Reports.put(OFFICER, id, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("borderMarker"));
        Reports.put(OFFICER, id, Reports.FULL.replace("\"count\": 2", "\"count\": 2, \"count\": 3")).statusCode(400)
                .body("errors.field", hasItem("people[0].count"));
        Reports.get(OFFICER, id).statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202E", "\u202D", "\u2066", "\u2069", "\u200B", "\u200D", "\uFEFF", "\u0007", "\u2028", "\uDB40\uDC41"})
    void invisibleOrDirectionChangingCharactersInTextsAreRefusedByField(String character) {
        UUID id = Reports.newId();
        Reports.put(OFFICER, id, Reports.FULL.replace("qua sông", "qua " + character + "sông")).statusCode(400)
                .body("errors.field", hasItem("narrative.text"));
        Reports.put(OFFICER, id, Reports.FULL.replace("android-7f3a", "android" + character)).statusCode(400)
                .body("errors.field", hasItem("deviceId"));
        Reports.get(OFFICER, id).statusCode(404);
        // tabs and line breaks are text
        Reports.put(OFFICER, id, Reports.FULL.replace("qua sông", "qua\\tsông\\r\\nbên kia")).statusCode(201);
    }

    @Test
    void aStatedPurposeWithADirectionOverrideIsRefusedNamingTheHeader() throws Exception {
        Sharing.Parties parties = Sharing.parties();
        Sharing.agreement(parties, "\"DRUGS\"", "H2");
        UUID share = Sharing.activeShare(parties, Sharing.caseOf(parties, Reports.FULL));
        // sent as UTF-8 bytes, as a client stating a purpose in any language does
        String header = "Planning the patrol \u202Elortap";
        String answer = raw("GET /api/v1/inbox/" + share + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + parties.partnerLiaison()
                + "\r\nX-Access-Purpose: " + header + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("X-Access-Purpose"), answer);
        // a purpose in Vietnamese, as UTF-8, is read as the words it is and recorded so
        String vietnamese = "Lập kế hoạch tuần tra chung";
        answer = raw("GET /api/v1/inbox/" + share + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + parties.partnerLiaison()
                + "\r\nX-Access-Purpose: " + vietnamese + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertEquals(1, Db.count("select count(*) from audit_event where resource_id = ? and purpose = ?", share.toString(), vietnamese));
    }

    @Test
    void aUserAgentWithInvisibleCharactersIsRecordedWithThemMadeVisible() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID report = Reports.filed(OFFICER, Reports.MINIMAL);
        String answer = raw("GET /api/v1/reports/" + report + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + OFFICER
                + "\r\nUser-Agent: app-" + marker + "\u202E\u200Bx\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertEquals("app-" + marker + "<U+202E><U+200B>x",
                Db.text("select user_agent from audit_event where user_agent like ?", "app-" + marker + "%"));
    }

    @Test
    void queryFiltersAreValidatedByName() {
        given().auth().oauth2(SUPERVISOR).queryParam("assignedTo", "not-a-uuid").when().get("/api/v1/cases").then()
                .statusCode(400).body("errors.field", hasItem("assignedTo"));
        given().auth().oauth2(SUPERVISOR).queryParam("assignedTo", Tokens.subject("strict.supervisor")).when().get("/api/v1/cases").then()
                .statusCode(200);
        for (String[] filter : new String[][] {{"actor", "not-a-uuid"}, {"agency", "nowhere"}, {"resourceType", "SPACESHIP"},
            {"resourceId", "not-an-id"}, {"outcome", "MAYBE"}, {"action", "NOTHING"}, {"from", "yesterday"}}) {
            given().auth().oauth2(AUDITOR).queryParam(filter[0], filter[1]).when().get("/api/v1/audit/events").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(filter[0]));
        }
        for (String[] filter : new String[][] {{"actor", Tokens.subject("strict.officer")}, {"agency", "VN-QN"}, {"resourceType", "REPORT"},
            {"resourceId", UUID.randomUUID().toString()}, {"resourceId", "VN-QN"}}) {
            given().auth().oauth2(AUDITOR).queryParam(filter[0], filter[1]).when().get("/api/v1/audit/events").then().statusCode(200);
        }
    }

    @Test
    void anUnknownTransferCodingIs501() throws Exception {
        long before = Db.count("select count(*) from report");
        String body = Reports.MINIMAL.strip();
        String answer = raw("PUT /api/v1/reports/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + OFFICER
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: cats\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 501"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertEquals(before, Db.count("select count(*) from report"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Reports.MINIMAL).when()
                .put("/api/v1/reports/{id}", UUID.randomUUID()).then().statusCode(201).header("X-Frame-Options", containsString("DENY"));
    }

    /** One request written byte for byte (UTF-8), the answer read whole. */
    static String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
