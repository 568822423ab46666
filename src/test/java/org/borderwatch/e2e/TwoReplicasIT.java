package org.borderwatch.e2e;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderwatch.support.Keycloak;
import org.borderwatch.vetting.rest.DecisionResourceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production runs several replicas on one database. The packaged service (replica A, started by the test framework)
 * and a second process of the same package (replica B) share the database, the witness and Keycloak: a live stream on
 * one hears what was written through the other, one report filed through both under one id is stored once, the
 * sealers of both keep one chain that verifies, and one user's rate limit is shared by both.
 */
@QuarkusIntegrationTest
class TwoReplicasIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static Process replicaB;
    static int portB;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        portB = org.borderwatch.support.PackagedApp.freePort();
        replicaB = org.borderwatch.support.PackagedApp.startReady(portB);
    }

    @AfterAll
    static void stopSecondReplica() {
        if (replicaB != null) {
            replicaB.destroy();
        }
    }

    static String b(String path) {
        return "http://localhost:" + portB + path;
    }

    @Test
    void anOfficersStreamOnOneReplicaHearsADecisionMadeThroughTheOther() throws Exception {
        String officer = Keycloak.token("officer.qn");
        UUID report = org.borderwatch.support.Reports.filed(officer, FULL);
        List<String> lines = listen(b("/api/v1/me/events"), officer);
        String question = "Which bridge? " + UUID.randomUUID();
        DecisionResourceTest.decide(Keycloak.token("supervisor.qn"), report, "\"1\"",
                "{\"decision\":\"REQUEST_INFO\",\"question\":\"" + question + "\"}").statusCode(200);
        assertTrue(waitFor(lines, question), "replica B's stream did not hear replica A's decision: " + lines);
    }

    @Test
    void aLiaisonsInboxStreamOnOneReplicaHearsAReleaseMadeThroughTheOther() throws Exception {
        int year = Year.now().getValue();
        given().auth().oauth2(Keycloak.token("admin")).contentType(ContentType.JSON)
                .body("{\"from\":\"VN-QN\",\"to\":\"CN-GX\",\"categories\":[\"DRUGS\"],\"maxHandlingCode\":\"H2\",\"validFrom\":\"" + (year - 1)
                        + "-01-01\",\"validTo\":\"" + (year + 1) + "-12-31\",\"reference\":\"JWC-2026/03 minutes, item 4\"}")
                .when().put("/api/v1/agreements/" + UUID.randomUUID()).then().statusCode(201);
        String supervisor = Keycloak.token("supervisor.qn");
        UUID report = org.borderwatch.support.Reports.filed(Keycloak.token("officer.qn"), FULL);
        DecisionResourceTest.decide(supervisor, report, "\"1\"", DecisionResourceTest.VERIFY).statusCode(200);
        String caseId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"title\":\"Two replicas\",\"reportIds\":[\"" + report + "\"]}").when().post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        List<String> lines = listen(b("/api/v1/inbox/stream"), Keycloak.token("liaison.gx"));
        String shareId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"toAgency\":\"CN-GX\",\"handlingCode\":\"H0\",\"purpose\":\"Joint investigation of the Bac Luan II route\","
                        + "\"expiresAt\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\","
                        + "\"redaction\":{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[]}}")
                .when().post("/api/v1/cases/" + caseId + "/shares").then().statusCode(201).body("status", equalTo("ACTIVE"))
                .extract().path("id");
        assertTrue(waitFor(lines, shareId), "replica B's inbox stream did not hear replica A's release: " + lines);
    }

    @Test
    void oneReportFiledThroughBothReplicasAtOnceIsStoredOnceAndTheChainVerifiesOnBoth() throws Exception {
        String officer = Keycloak.token("officer.qn");
        UUID id = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String base = i % 2 == 0 ? "http://localhost:" + RestAssured.port : "http://localhost:" + portB;
            answers.add(pool.submit(() -> HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + id))
                    .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(FULL)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        given().auth().oauth2(officer).when().get(b("/api/v1/reports/" + id + "/versions")).then().statusCode(200)
                .body("items.size()", equalTo(1));
        Thread.sleep(2_500);
        String auditor = Keycloak.token("auditor");
        given().auth().oauth2(auditor).when().get("/api/v1/audit/verify").then().statusCode(200).body("ok", equalTo(true));
        given().auth().oauth2(auditor).when().get(b("/api/v1/audit/verify")).then().statusCode(200).body("ok", equalTo(true));
    }

    /**
     * The packaged defaults: 50 requests a second and bursts of 200 per user, each replica writing back at least every
     * 0.2 s (10 tokens). A flood spread over both replicas gets the one allowance, not one per replica.
     */
    @Test
    void oneUsersRateLimitHoldsAcrossBothReplicas() throws Exception {
        String officer = Keycloak.token("officer.qn");
        int requests = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<int[]>> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            int replica = i % 2;
            String base = replica == 0 ? "http://localhost:" + RestAssured.port : "http://localhost:" + portB;
            answers.add(pool.submit(() -> new int[] {replica, HTTP_1_1.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/changes?limit=1"))
                    .header("Authorization", "Bearer " + officer).build(), HttpResponse.BodyHandlers.discarding()).statusCode()}));
        }
        int[][] counts = new int[2][600];
        for (Future<int[]> answer : answers) {
            int[] replicaAndStatus = answer.get();
            counts[replicaAndStatus[0]][replicaAndStatus[1]]++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        int allowed = counts[0][200] + counts[1][200];
        String figures = "allowed " + allowed + " of " + requests + " in " + seconds + " s; A 200/429: " + counts[0][200] + "/"
                + counts[0][429] + ", B: " + counts[1][200] + "/" + counts[1][429];
        System.out.println("[TwoReplicasIT] rate limit across replicas: " + figures);
        assertEquals(requests, allowed + counts[0][429] + counts[1][429], figures);
        double shared = 200 + 50 * seconds + 2 * 10 + 5;
        assertTrue(shared < Math.min(requests, 400 + 100 * seconds),
                "too slow to tell one shared allowance from one per replica: " + figures);
        assertTrue(allowed <= shared, "more than one allowance got through: " + figures);
        assertTrue(allowed >= 180, "the burst was not granted: " + figures);
        assertTrue(counts[0][429] > 0 && counts[1][429] > 0, "one replica did not refuse: " + figures);
        Thread.sleep(5_000); // refilled (200 tokens at 50/s) for the tests that follow
    }

    static List<String> listen(String url, String token) throws Exception {
        return org.borderwatch.support.Sse.listenAt(url, token, null);
    }

    static boolean waitFor(List<String> lines, String text) throws InterruptedException {
        return org.borderwatch.support.Sse.waitFor(lines, text);
    }
}
