package org.borderwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unrestricted resource consumption (OWASP API4): nesting, long numbers, long texts, long lists, big pages and big
 * headers are refused with a 4xx before they cost anything, and nothing is stored. Body size and rate limits have
 * their own tests (ReportValidationTest, RateLimitTest).
 */
@QuarkusTest
class ResourceLimitsTest {

    static final String OFFICER = Tokens.officer("limits.officer", "VN-QN");
    static final String SUPERVISOR = Tokens.token("limits.supervisor", "supervisor", "VN-QN");

    @Test
    void deeplyNestedJsonIs400MalformedWithoutBeingBuilt() throws Exception {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        refusedReport(Reports.FULL.replace("\"Hai đối tượng vận chuyển ma túy qua sông\"", nested), 400);
        refusedReport("{\"category\":" + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_001), 400);
    }

    @Test
    void aNumberWithThousandsOfDigitsIs400() throws Exception {
        refusedReport(Reports.FULL.replace("\"accuracyMeters\": 12", "\"accuracyMeters\": 1" + "0".repeat(5_000)), 400);
        refusedReport(Reports.FULL.replace("\"lat\": 21.5283", "\"lat\": 21." + "5".repeat(5_000)), 400);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "\"Hai đối tượng vận chuyển ma túy qua sông\", narrative.text, 10001",
        "\"android-7f3a\", deviceId, 129"})
    void aTextLongerThanItsFieldIs400NamingTheField(String original, String field, int length) throws Exception {
        String body = Reports.FULL.replace(original, "\"" + "x".repeat(length) + "\"");
        assertTrue(refusedReport(body, 400).fields().contains(field));
    }

    @Test
    void aListLongerThanItsFieldIs400NamingTheField() throws Exception {
        String person = "{ \"role\": \"SUSPECT\", \"count\": 1, \"nationality\": \"VN\" },";
        String people = "[" + person.repeat(50) + person.substring(0, person.length() - 1) + "]";
        String body = Reports.FULL.replace("[ { \"role\": \"SUSPECT\", \"count\": 2, \"nationality\": \"VN\" } ]", people);
        assertTrue(refusedReport(body, 400).fields().contains("people"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/api/v1/reports, supervisor",
        "/api/v1/reports/changes, officer",
        "/api/v1/cases, supervisor",
        "/api/v1/agreements, supervisor",
        "/api/v1/inbox, liaison",
        "/api/v1/audit/events, auditor",
        "/api/v1/audit/checkpoints, auditor"})
    void aPageLargerThan200Is400NamingTheLimit(String path, String role) {
        String token = Tokens.token("limits." + role, role, "VN-QN");
        for (String limit : new String[] {"201", "1000000", "-1", "0"}) {
            given().auth().oauth2(token).queryParam("limit", limit).when().get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        }
        given().auth().oauth2(token).queryParam("limit", "200").when().get(path).then().statusCode(200);
    }

    @Test
    void aBatchOfMoreThan100ReportsIs400AndStoresNone() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"report\":").append(Reports.MINIMAL).append('}');
        }
        long before = Db.count("select count(*) from report");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"reports\":[" + items + "]}")
                .when().post("/api/v1/reports/batch").then().statusCode(400).body("errors.field", hasItem("reports"));
        assertEquals(before, Db.count("select count(*) from report"));
    }

    @Test
    void hugeHeadersAreRefusedAndAPurposeIsRecordedWhole() throws Exception {
        assertEquals(431, statusOfAnEndlessHeader());
        given().auth().oauth2(SUPERVISOR).header("X-Access-Purpose", "p".repeat(257))
                .when().get("/api/v1/evidence/" + UUID.randomUUID()).then().statusCode(400).body("errors.field", hasItem("X-Access-Purpose"));
        UUID missing = UUID.randomUUID();
        given().auth().oauth2(SUPERVISOR).header("X-Access-Purpose", "p".repeat(256))
                .when().get("/api/v1/evidence/" + missing).then().statusCode(404);
        assertEquals("p".repeat(256), Db.text("select purpose from audit_event where subject = ? and resource_id = ?",
                Tokens.subject("limits.supervisor"), missing.toString()));
    }

    /**
     * An HTTP/2 body need not state its size, so the service speaks HTTP/1.1 only (TLS and HTTP/2 end at the ingress):
     * an h2c upgrade is declined, and a JSON body of unstated size is 411 before any of it is read.
     */
    @Test
    void anHttp2ClientCannotSendAJsonBodyOfUnstatedSize() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> probe = h2.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/q/health/live"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_1_1, probe.version());
        UUID id = UUID.randomUUID();
        byte[] big = ("{\"category\":\"DRUGS\",\"narrative\":{\"lang\":\"vi\",\"text\":\"" + "x".repeat(2_000_000) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = h2.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/reports/" + id))
                .header("Authorization", "Bearer " + OFFICER).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(411, refused.statusCode());
        assertEquals(0, Db.count("select count(*) from report where id = ?", id));
    }

    /** A path with dot segments is judged as routed: /api/v1/uploads/../reports/{id} is a report, not an upload. */
    @Test
    void aPathThroughTheUploadsPrefixGetsNoUploadAllowance() throws Exception {
        UUID id = UUID.randomUUID();
        String path = "/api/v1/uploads/../reports/" + id;
        byte[] body = ("{\"category\":\"DRUGS\",\"narrative\":{\"lang\":\"vi\",\"text\":\"" + "x".repeat(300_000) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(413, rawStatus("PUT " + path, "Content-Length: " + body.length, body));
        assertEquals(411, rawStatus("PUT " + path, "Transfer-Encoding: chunked", "5\r\n{\"a\":\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0, Db.count("select count(*) from report where id = ?", id));
    }

    /** Metrics are named by route template: paths a client invents never become series (a bounded, shared budget). */
    @Test
    void inventedPathsDoNotBecomeMetricSeries() throws Exception {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        byte[] big = new byte[300_000];
        for (int i = 0; i < 20; i++) {
            String path = "/api/v1/reports/" + marker + i;
            rawStatus("PUT " + path, "Content-Length: " + big.length, big);
            rawStatus("PUT " + path, "Transfer-Encoding: chunked", "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            rawStatus("PUT /" + marker + "/" + i, "Content-Length: " + big.length, big);
            rawStatus("PUT /api/v1/agreements/" + marker + i, "Transfer-Encoding: chunked", "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            rawStatus("PUT /" + marker + "/" + i, "Content-Length: 2", "{}".getBytes(StandardCharsets.US_ASCII));
            rawStatus("PROPFIND " + path, "Content-Length: 0", new byte[0]);
            rawStatus("GET " + path, "Content-Length: 0", new byte[0]);
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/refused-before-routing\""), "the early refusals are counted under one series");
        assertTrue(!metrics.contains(marker), "a client-chosen path became a metric series");
    }

    /** The status of a request written byte for byte, so that no client library normalizes the path. */
    static int rawStatus(String requestLine, String framing, byte[] body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + OFFICER
                    + "\r\nContent-Type: application/json\r\n" + framing + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                socket.getOutputStream().write(body);
            } catch (java.io.IOException closedEarly) {
                // the service answered and closed before reading the whole body, as it should
            }
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /**
     * Sends one header a kilobyte at a time until the service answers, and stops writing then: a client that wrote on
     * into the closed connection would get a broken pipe (or a reset losing the answer) instead of the status.
     */
    static int statusOfAnEndlessHeader() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = socket.getInputStream();
            out.write(("GET /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + SUPERVISOR + "\r\nX-Padding: ")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] kilobyte = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent < 256 && in.available() == 0; sent++) {
                    out.write(kilobyte);
                    out.flush();
                    Thread.sleep(5);
                }
            } catch (java.io.IOException closed) {
                // answered and closed between two kilobytes: the answer is read below
            }
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /** Sent without REST Assured, whose request log would pretty-print the hostile body in the test's own heap. */
    AccessMatrix.Answer refusedReport(String body, int status) throws Exception {
        UUID id = UUID.randomUUID();
        AccessMatrix.Answer answer = AccessMatrix.send(AccessMatrix.json("PUT", "/api/v1/reports/" + id, body), OFFICER);
        assertEquals(status, answer.status());
        assertTrue(!answer.problem().isMissingNode(), "a problem+json answer");
        assertEquals(0, Db.count("select count(*) from report where id = ?", id));
        return answer;
    }
}
