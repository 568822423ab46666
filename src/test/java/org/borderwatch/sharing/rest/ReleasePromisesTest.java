package org.borderwatch.sharing.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Sharing.release;
import static org.borderwatch.support.Sharing.shareBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sharing;
import org.junit.jupiter.api.Test;

/**
 * What a partner receives, and what nobody else sees before a second supervisor approves: the items of the release
 * review (issue 13: border markers, the narrative profile, masking that survives normalisation, held releases, releases
 * never approved, every content read recorded, races answered as retries or conflicts).
 */
@QuarkusTest
class ReleasePromisesTest {

    static final String NARRATIVE = "Xe ｘｅ29LD12345 chở hàng, gọi ０９１２３４５６７８, biển 14a-123.45";
    static final String REPORT = Reports.FULL.replace("Hai đối tượng vận chuyển ma túy qua sông", NARRATIVE);

    static String profile(boolean exact, String narrative) {
        return "{\"exactLocation\":" + exact + ",\"personIdentifiers\":false,\"narrative\":\"" + narrative + "\",\"evidence\":[]}";
    }

    @Test
    void theBorderMarkerLeavesOnlyWithTheExactLocation() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H2");
        UUID caseId = Sharing.caseOf(p, REPORT);
        UUID rounded = Sharing.activeShare(p, caseId);
        Sharing.inboxRead(p.partnerLiaison(), rounded).statusCode(200)
                .body("snapshots[0].content.reports[0].borderMarker", nullValue())
                .body("snapshots[0].content.reports[0].borderGate", equalTo("MONG_CAI"));
        String exact = release(p.supervisor(), caseId, shareBody(p.partner(), "H0", profile(true, "MASKED"))).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        approve(p, caseId, exact);
        Sharing.inboxRead(p.partnerLiaison(), UUID.fromString(exact)).statusCode(200)
                .body("snapshots[0].content.reports[0].borderMarker", equalTo("1369"));
    }

    @Test
    void theNarrativeLeavesAsTheSupervisorChose() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H2");
        UUID caseId = Sharing.caseOf(p, REPORT);
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0",
                "{\"exactLocation\":false,\"personIdentifiers\":false,\"evidence\":[]}")).statusCode(400)
                .body("errors.field", hasItem("redaction.narrative"));
        UUID withheld = UUID.fromString(release(p.supervisor(), caseId, shareBody(p.partner(), "H0", profile(false, "WITHHELD")))
                .statusCode(201).body("status", equalTo("ACTIVE")).extract().path("id"));
        Sharing.inboxRead(p.partnerLiaison(), withheld).statusCode(200).body("snapshots[0].content.reports[0].narrative", nullValue());
        UUID masked = UUID.fromString(release(p.supervisor(), caseId, shareBody(p.partner(), "H0", profile(false, "MASKED")))
                .statusCode(201).body("status", equalTo("ACTIVE")).extract().path("id"));
        String text = Sharing.inboxRead(p.partnerLiaison(), masked).statusCode(200).extract().path("snapshots[0].content.reports[0].narrative.text");
        assertEquals("Xe ｘｅ[redacted] chở hàng, gọi [redacted], biển [redacted]", text);
        String full = release(p.supervisor(), caseId, shareBody(p.partner(), "H0", profile(false, "FULL"))).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        approve(p, caseId, full);
        Sharing.inboxRead(p.partnerLiaison(), UUID.fromString(full)).statusCode(200)
                .body("snapshots[0].content.reports[0].narrative.text", equalTo(NARRATIVE));
    }

    @Test
    void aHeldReleaseShowsItsContentOnlyToTheOwnersSupervisors() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H2");
        UUID caseId = Sharing.caseOf(p, REPORT);
        String share = release(p.ownerLiaison(), caseId, shareBody(p.partner(), "H2", Sharing.REDACTED)).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).body("snapshots", nullValue()).body("latestVersion", equalTo(1))
                .extract().path("id");
        String path = "/api/v1/cases/" + caseId + "/shares/" + share;
        given().auth().oauth2(p.ownerLiaison()).when().get(path).then().statusCode(200).body("snapshots", nullValue());
        given().auth().oauth2(p.supervisor()).when().get(path).then().statusCode(200)
                .body("snapshots[0].content.reports[0].location.lat", equalTo(21.53f));
        approve(p, caseId, share);
        given().auth().oauth2(p.ownerLiaison()).when().get(path).then().statusCode(200)
                .body("snapshots[0].content.reports[0].location.lat", equalTo(21.53f));
    }

    @Test
    void aReleaseNeverApprovedNeverReachesThePartnerEvenWhenRevokedOrExpired() throws Exception {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H2");
        UUID caseId = Sharing.caseOf(p, REPORT);
        String revoked = release(p.supervisor(), caseId, shareBody(p.partner(), "H2", Sharing.REDACTED)).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(p.supervisor()).when().delete("/api/v1/cases/" + caseId + "/shares/" + revoked + "?reason=Changed our mind")
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        String expiring = release(p.supervisor(), caseId, shareBody(p.partner(), "H2", Sharing.REDACTED, Instant.now().plusSeconds(2).toString()))
                .statusCode(201).extract().path("id");
        for (int i = 0; i < 100 && !"EXPIRED".equals(Db.text("select status from case_share where id = ?::uuid", expiring)); i++) {
            Thread.sleep(100);
        }
        assertEquals("EXPIRED", Db.text("select status from case_share where id = ?::uuid", expiring));
        String held = release(p.supervisor(), caseId, shareBody(p.partner(), "H2", Sharing.REDACTED)).statusCode(201).extract().path("id");
        // the owner works the thread of a release still held: nothing of it reaches the partner's stream or log
        given().auth().oauth2(p.ownerLiaison()).contentType(ContentType.JSON).body("{\"kind\":\"COMMENT\",\"body\":\"Waiting for approval\"}")
                .when().post("/api/v1/shares/" + held + "/messages").then().statusCode(201);
        given().auth().oauth2(p.supervisor()).when().get("/api/v1/shares/" + held + "/messages").then().statusCode(200);
        given().auth().oauth2(p.supervisor()).when().delete("/api/v1/cases/" + caseId + "/shares/" + held + "?reason=Not now")
                .then().statusCode(200);
        for (String share : List.of(revoked, expiring, held)) {
            given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox").then().statusCode(200)
                    .body("items.id", not(hasItem(share)));
            given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?status=REVOKED").then().body("items.id", not(hasItem(share)));
            given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?status=EXPIRED").then().body("items.id", not(hasItem(share)));
            Sharing.inboxRead(p.partnerLiaison(), UUID.fromString(share)).statusCode(404);
            given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/shares/" + share + "/messages").then().statusCode(404);
            assertEquals(0, Db.count("select count(*) from share_event where share_id = ?::uuid", share), "no stream event for " + share);
            assertEquals(0, Db.count("select count(*) from audit_event where resource_id = ? and resource_agency = ? and outcome = 'ALLOWED'",
                    share, p.partner()), "the partner's auditors see nothing of " + share);
            assertEquals(2, Db.count("select count(*) from audit_event where resource_id = ? and subject = ? and outcome = 'DENIED'",
                    share, org.borderwatch.support.Tokens.subject("liaison." + p.partner())), "the partner's tries are recorded");
        }
    }

    @Test
    void everyAnswerCarryingReportContentIsARecordedRead() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H2");
        UUID first = Reports.filed(p.officer(), REPORT);
        UUID second = Reports.filed(p.officer(), REPORT);
        for (UUID report : List.of(first, second)) {
            org.borderwatch.vetting.rest.DecisionResourceTest.decide(p.supervisor(), report, "\"1\"",
                    org.borderwatch.vetting.rest.DecisionResourceTest.VERIFY).statusCode(200);
        }
        long before = reads(first);
        String caseId = given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON)
                .body("{\"title\":\"Two runs\",\"reportIds\":[\"" + first + "\"]}").when().post("/api/v1/cases").then().statusCode(201)
                .body("reports[0].narrative.text", equalTo(NARRATIVE)).extract().path("id");
        assertEquals(before + 1, reads(first), "opening a case answers its reports");
        String path = "/api/v1/cases/" + caseId;
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"summary\":\"Changed\"}")
                .when().patch(path).then().statusCode(200);
        assertEquals(before + 2, reads(first), "changing a case answers its reports");
        long secondBefore = reads(second);
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"reportId\":\"" + second + "\"}").when().post(path + "/reports").then().statusCode(200);
        assertEquals(before + 3, reads(first));
        assertEquals(secondBefore + 1, reads(second), "adding a report answers it");
        given().auth().oauth2(p.supervisor()).header("If-Match", "\"2\"").when().delete(path + "/reports/" + second).then().statusCode(200);
        assertEquals(before + 4, reads(first), "taking a report out answers the others");
        UUID key = UUID.randomUUID();
        String body = shareBody(p.partner(), "H0", Sharing.REDACTED);
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON).header("Idempotency-Key", key.toString()).body(body)
                .when().post(path + "/shares").then().statusCode(201);
        long shareReads = Db.count("select count(*) from audit_event where resource_id = ? and action = 'SHARE_READ'", key.toString());
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON).header("Idempotency-Key", key.toString()).body(body)
                .when().post(path + "/shares").then().statusCode(200).body("snapshots[0].version", equalTo(1));
        assertEquals(shareReads + 1, Db.count("select count(*) from audit_event where resource_id = ? and action = 'SHARE_READ'", key.toString()),
                "a retried release answers the snapshots: a recorded read");
    }

    @Test
    void simultaneousReleasesUnderOneKeyAreOneReleaseAndTheRestRetries() throws Exception {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H2");
        UUID caseId = Sharing.caseOf(p, REPORT);
        UUID key = UUID.randomUUID();
        String body = shareBody(p.partner(), "H0", Sharing.REDACTED);
        List<Integer> statuses = all(8, () -> given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key.toString()).body(body).when().post("/api/v1/cases/" + caseId + "/shares").then()
                .extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, Db.count("select count(*) from case_share where id = ?::uuid", key.toString()));
        List<Integer> published = all(6, () -> given().auth().oauth2(p.supervisor()).when()
                .post("/api/v1/cases/" + caseId + "/shares/" + key + "/snapshots").then().extract().statusCode());
        assertTrue(published.stream().allMatch(s -> s == 200 || s == 409), published.toString());
        assertEquals(published.stream().filter(s -> s == 200).count() + 1,
                Db.count("select count(*) from share_snapshot where share_id = ?::uuid", key.toString()));
    }

    @Test
    void theLastPageSaysNullAndTheContractAllowsIt() throws Exception {
        Sharing.Parties p = Sharing.parties();
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox").then().statusCode(200).body("nextCursor", nullValue());
        String contract = java.nio.file.Files.readString(java.nio.file.Path.of("openapi/openapi.json"));
        com.fasterxml.jackson.databind.JsonNode schemas = new com.fasterxml.jackson.databind.ObjectMapper().readTree(contract)
                .path("components").path("schemas");
        List<String> notNullable = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> {
            com.fasterxml.jackson.databind.JsonNode cursor = schema.getValue().path("properties").path("nextCursor");
            if (!cursor.isMissingNode() && !cursor.path("type").toString().contains("null")) {
                notNullable.add(schema.getKey());
            }
        });
        assertTrue(notNullable.isEmpty(), "nextCursor must allow null in " + notNullable);
    }

    static void approve(Sharing.Parties p, UUID caseId, String share) {
        given().auth().oauth2(p.secondSupervisor()).when().post("/api/v1/cases/" + caseId + "/shares/" + share + "/approve").then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
    }

    static long reads(UUID report) {
        return Db.count("select count(*) from audit_event where resource_id = ? and action = 'REPORT_READ'", report.toString());
    }

    static List<Integer> all(int count, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
