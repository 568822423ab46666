package org.borderwatch.report.rest;

import static org.borderwatch.support.Reports.FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.borderwatch.vetting.rest.DecisionResourceTest;
import org.junit.jupiter.api.Test;

/** The live stream: a connected officer hears decisions on own reports, and only those. */
@QuarkusTest
class MyEventsResourceTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String SUPERVISOR = Tokens.token("supervisor.qn", "supervisor", "VN-QN");

    @Test
    void aConnectedOfficerReceivesTheQuestionOnTheirReportAndNotOthers() throws Exception {
        String name = "live-" + UUID.randomUUID();
        String officer = Tokens.officer(name, "VN-QN");
        UUID mine = Reports.filed(officer, FULL);
        UUID someoneElses = Reports.filed(Tokens.officer("officer2.qn", "VN-QN"), FULL);
        List<String> lines = listen(officer, null);
        DecisionResourceTest.decide(SUPERVISOR, someoneElses, "\"1\"", DecisionResourceTest.REJECT).statusCode(200);
        DecisionResourceTest.decide(SUPERVISOR, mine, "\"1\"", "{\"decision\":\"REQUEST_INFO\",\"question\":\"Which bridge?\"}").statusCode(200);
        assertTrue(waitFor(lines, "Which bridge?"), "no event arrived: " + lines);
        assertTrue(lines.contains("event:INFO_REQUESTED") || lines.contains("event: INFO_REQUESTED"), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains(someoneElses.toString())), lines.toString());
    }

    @Test
    void reconnectingWithLastEventIdReplaysWhatWasMissed() throws Exception {
        String officer = Tokens.officer("live-" + UUID.randomUUID(), "VN-QN");
        UUID first = Reports.filed(officer, FULL);
        UUID second = Reports.filed(officer, FULL);
        List<String> lines = listen(officer, null);
        DecisionResourceTest.decide(SUPERVISOR, first, "\"1\"", DecisionResourceTest.VERIFY).statusCode(200);
        assertTrue(waitFor(lines, first.toString()), lines.toString());
        String lastId = lines.stream().filter(line -> line.startsWith("id:")).findFirst().orElseThrow().substring(3).trim();
        DecisionResourceTest.decide(SUPERVISOR, second, "\"1\"", DecisionResourceTest.REJECT).statusCode(200);
        List<String> resumed = listen(officer, lastId);
        assertTrue(waitFor(resumed, second.toString()), resumed.toString());
        assertEquals(0, resumed.stream().filter(line -> line.contains(first.toString())).count(), resumed.toString());
    }

    @Test
    void supervisorsAndAnonymousCallersCannotListen() throws Exception {
        assertEquals(403, status(SUPERVISOR));
        assertEquals(401, status(null));
    }

    static List<String> listen(String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/me/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(300);
        return lines;
    }

    static boolean waitFor(List<String> lines, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(line -> line.contains(text))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    static int status(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/me/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
