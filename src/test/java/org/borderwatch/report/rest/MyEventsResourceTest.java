package org.borderwatch.report.rest;

import static org.borderwatch.support.Reports.FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sse;
import org.borderwatch.support.Tokens;
import org.borderwatch.vetting.rest.DecisionResourceTest;
import org.junit.jupiter.api.Test;

/** The live stream: a connected officer hears decisions on own reports, and only those. */
@QuarkusTest
class MyEventsResourceTest {

    static final String SUPERVISOR = Tokens.token("supervisor.qn", "supervisor", "VN-QN");

    @jakarta.inject.Inject
    org.borderwatch.report.service.ReportEvents events;

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
    void aLongQuestionArrivesWholeBecauseOnlyIdsTravelByNotify() throws Exception {
        String officer = Tokens.officer("live-" + UUID.randomUUID(), "VN-QN");
        UUID mine = Reports.filed(officer, FULL);
        List<String> lines = listen(officer, null);
        String question = "请说明" + "桥".repeat(1990);
        DecisionResourceTest.decide(SUPERVISOR, mine, "\"1\"", "{\"decision\":\"REQUEST_INFO\",\"question\":\"" + question + "\"}")
                .statusCode(200);
        assertTrue(waitFor(lines, question), "the question did not arrive whole: " + lines.size() + " lines");
        org.borderwatch.report.ReportHistoryEntry entry = new org.borderwatch.report.ReportHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.note = question;
        String payload = events.payload(entry, "someone");
        assertEquals("{\"id\":\"" + entry.id + "\",\"reporter\":\"someone\"}", payload);
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
        return Sse.listen("/api/v1/me/events", token, lastEventId);
    }

    static boolean waitFor(List<String> lines, String text) throws InterruptedException {
        return Sse.waitFor(lines, text);
    }

    static int status(String token) throws Exception {
        return Sse.status("/api/v1/me/events", token);
    }
}
