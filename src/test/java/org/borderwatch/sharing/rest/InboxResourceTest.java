package org.borderwatch.sharing.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.borderwatch.support.Reports.MINIMAL;
import static org.borderwatch.support.Sharing.REDACTED;
import static org.borderwatch.support.Sharing.inboxRead;
import static org.borderwatch.support.Sharing.release;
import static org.borderwatch.support.Sharing.shareBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Sse;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** The recipient's side, across the access matrix: live, revoked, expired, and no share at all. */
@QuarkusTest
class InboxResourceTest {

    @Test
    void thePartnersLiaisonReadsTheRedactedCaseWithAStatedPurpose() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID shareId = Sharing.activeShare(p, caseId);
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox").then().statusCode(200)
                .body("items.id", hasItem(shareId.toString())).body("items[0].snapshots", nullValue());
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox/" + shareId).then().statusCode(428)
                .contentType("application/problem+json").body("detail", containsString("X-Access-Purpose"));
        inboxRead(p.partnerLiaison(), shareId).statusCode(200)
                .body("status", equalTo("ACTIVE")).body("caseId", nullValue()).body("requestedBy", nullValue()).body("redaction", nullValue())
                .body("snapshots[0].content.reports[0].location.lat", equalTo(21.53f))
                .body("snapshots[0].content.reports[0].exactLocation", equalTo(false))
                .body("snapshots[0].content.reports[0].vehicles[0].plate", equalTo("[redacted]"))
                .body("snapshots[0].content.reports[0].grading", nullValue())
                .body("snapshots[0].content.title", equalTo("Meth at Bac Luan II, call [redacted]"))
                .body("snapshots[0].content.summary", equalTo("Plate [redacted] seen twice"));
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'SHARE_READ' and resource_id = ? and agency = ? "
                + "and resource_agency = ? and purpose = 'Planning the joint patrol'", shareId.toString(), p.partner(), p.owner()));
    }

    @Test
    void everyProfileSwitchReleasesExactlyWhatItSays() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H3");
        UUID caseId = Sharing.caseOf(p, FULL);
        String shareId = release(p.supervisor(), caseId, shareBody(p.partner(), "H0",
                "{\"exactLocation\":true,\"personIdentifiers\":true,\"sources\":true,\"narrative\":\"MASKED\",\"evidence\":[]}")).statusCode(201).extract().path("id");
        given().auth().oauth2(p.secondSupervisor()).when().post("/api/v1/cases/" + caseId + "/shares/" + shareId + "/approve").then().statusCode(200);
        inboxRead(p.partnerLiaison(), UUID.fromString(shareId)).statusCode(200)
                .body("snapshots[0].content.reports[0].location.lat", equalTo(21.5283f))
                .body("snapshots[0].content.reports[0].location.accuracyMeters", equalTo(12.0f))
                .body("snapshots[0].content.reports[0].exactLocation", equalTo(true))
                .body("snapshots[0].content.reports[0].vehicles[0].plate", equalTo("14A-123.45"))
                .body("snapshots[0].content.reports[0].grading.source", equalTo("B"))
                .body("snapshots[0].content.title", equalTo("Meth at Bac Luan II, call 0912345678"))
                .body("snapshots[0].content.evidence", hasSize(0));
    }

    @Test
    void anUpdatedSnapshotIsSeenNextToTheFirst() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID shareId = Sharing.activeShare(p, caseId);
        given().auth().oauth2(p.supervisor()).contentType("application/json").header("If-Match", "\"0\"").body("{\"title\":\"Meth ring, two couriers\"}")
                .when().patch("/api/v1/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(p.ownerLiaison()).when().post("/api/v1/cases/" + caseId + "/shares/" + shareId + "/snapshots").then().statusCode(200)
                .body("snapshots", hasSize(2)).body("latestVersion", equalTo(2));
        inboxRead(p.partnerLiaison(), shareId).statusCode(200)
                .body("snapshots.version", equalTo(List.of(1, 2)))
                .body("snapshots[0].content.title", equalTo("Meth at Bac Luan II, call [redacted]"))
                .body("snapshots[1].content.title", equalTo("Meth ring, two couriers"));
        assertEquals(1, Db.count("select count(*) from share_event where share_id = ? and kind = 'UPDATED'", shareId));
    }

    @Test
    void aRevokedShareShowsItsStatusAndReasonAndNoContentAnywhere() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID shareId = Sharing.activeShare(p, caseId);
        given().auth().oauth2(p.supervisor()).when().delete("/api/v1/cases/" + caseId + "/shares/" + shareId + "?reason=Operation compromised")
                .then().statusCode(200);
        inboxRead(p.partnerLiaison(), shareId).statusCode(200).body("status", equalTo("REVOKED"))
                .body("endReason", equalTo("Operation compromised")).body("snapshots", nullValue());
        given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", "Evidence file for our case")
                .when().get("/api/v1/inbox/" + shareId + "/snapshots/1/signed").then().statusCode(410)
                .body("detail", containsString("Operation compromised"));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(410);
        given().auth().oauth2(p.partnerLiaison()).when().post("/api/v1/inbox/" + shareId + "/acknowledge").then().statusCode(410);
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?status=REVOKED").then().statusCode(200)
                .body("items.id", hasItem(shareId.toString()));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?status=ACTIVE").then().statusCode(200)
                .body("items.id", not(hasItem(shareId.toString())));
    }

    @Test
    void anExpiredShareIsCutAtItsExpiryAndMarkedAndAuditedByTheJob() throws Exception {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        String shareId = release(p.supervisor(), caseId, shareBody(p.partner(), "H0", REDACTED, Instant.now().plusSeconds(2).toString()))
                .statusCode(201).extract().path("id");
        inboxRead(p.partnerLiaison(), UUID.fromString(shareId)).statusCode(200).body("snapshots", hasSize(1));
        Thread.sleep(2_500);
        inboxRead(p.partnerLiaison(), UUID.fromString(shareId)).statusCode(200).body("status", equalTo("EXPIRED"))
                .body("endReason", containsString("expired at")).body("snapshots", nullValue());
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?status=EXPIRED").then().statusCode(200)
                .body("items.id", hasItem(shareId));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"EXPIRED".equals(Db.text("select status from case_share where id = ?::uuid", shareId)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("EXPIRED", Db.text("select status from case_share where id = ?::uuid", shareId));
        assertEquals(2, Db.count("select count(*) from audit_event where action = 'SHARE_EXPIRE' and resource_id = ?", shareId));
        assertEquals(1, Db.count("select count(*) from share_event where share_id = ?::uuid and kind = 'EXPIRED'", shareId));
    }

    @Test
    void theAccessMatrixHoldsForEveryInboxEndpoint() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID shareId = Sharing.activeShare(p, Sharing.caseOf(p, FULL));
        String[] paths = {"/api/v1/inbox/" + shareId, "/api/v1/inbox/" + shareId + "/snapshots/1/signed"};
        for (String path : paths) {
            given().auth().oauth2(p.thirdLiaison()).header("X-Access-Purpose", "Planning the joint patrol").when().get(path).then().statusCode(404);
            given().auth().oauth2(p.ownerLiaison()).header("X-Access-Purpose", "Planning the joint patrol").when().get(path).then().statusCode(404);
            for (String token : new String[] {p.partnerSupervisor(), Tokens.officer("o", p.partner()), Tokens.token("a", "auditor", p.partner()),
                    Tokens.token("ad", "admin", p.partner())}) {
                given().auth().oauth2(token).header("X-Access-Purpose", "Planning the joint patrol").when().get(path).then().statusCode(403);
            }
        }
        given().auth().oauth2(p.thirdLiaison()).when().post("/api/v1/inbox/" + shareId + "/acknowledge").then().statusCode(404);
        given().auth().oauth2(p.partnerSupervisor()).when().post("/api/v1/inbox/" + shareId + "/acknowledge").then().statusCode(403);
        given().auth().oauth2(p.thirdLiaison()).when().get("/api/v1/inbox").then().statusCode(200).body("items.id", not(hasItem(shareId.toString())));
        assertEquals(3, Db.count("select count(*) from audit_event where resource_id = ? and agency = ? and outcome = 'DENIED'",
                shareId.toString(), p.third()));
    }

    @Test
    void acknowledgingIsRecordedOnceAndTheOwnerSeesIt() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID shareId = Sharing.activeShare(p, caseId);
        String first = given().auth().oauth2(p.partnerLiaison()).when().post("/api/v1/inbox/" + shareId + "/acknowledge").then().statusCode(200)
                .body("acknowledgedAt", notNullValue()).extract().path("acknowledgedAt");
        given().auth().oauth2(p.partnerLiaison()).when().post("/api/v1/inbox/" + shareId + "/acknowledge").then().statusCode(200)
                .body("acknowledgedAt", equalTo(first));
        given().auth().oauth2(p.supervisor()).when().get("/api/v1/cases/" + caseId + "/shares/" + shareId).then().statusCode(200)
                .body("acknowledgedAt", equalTo(first));
        assertEquals(1, Db.count("select count(*) from share_event where share_id = ? and kind = 'ACKNOWLEDGED'", shareId));
        assertEquals(2, Db.count("select count(*) from audit_event where action = 'SHARE_ACKNOWLEDGE' and resource_id = ?", shareId.toString()));
    }

    @Test
    void theInboxFiltersByCategoryHandlingCodeAndStatus() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\",\"ILLEGAL_CROSSING\"", "H1");
        UUID drugs = Sharing.activeShare(p, Sharing.caseOf(p, FULL));
        String crossing = release(p.supervisor(), Sharing.caseOf(p, MINIMAL), shareBody(p.partner(), "H1", REDACTED)).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?category=DRUGS").then().statusCode(200)
                .body("items.id", equalTo(List.of(drugs.toString())));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?handlingCode=H1").then().statusCode(200)
                .body("items.id", equalTo(List.of(crossing)));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?limit=1").then().statusCode(200)
                .body("items.id", equalTo(List.of(crossing))).body("nextCursor", notNullValue());
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?status=PENDING_APPROVAL").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?category=GOLD").then().statusCode(400).body("errors.field", hasItem("category"));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?overdue=maybe").then().statusCode(400).body("errors.field", hasItem("overdue"));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("shareId"));
    }

    @Test
    void theInboxStreamAnnouncesNewSharesAndResumesAfterTheLastEvent() throws Exception {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        List<String> lines = Sse.listen("/api/v1/inbox/stream", p.partnerLiaison(), null);
        List<String> outsider = Sse.listen("/api/v1/inbox/stream", p.thirdLiaison(), null);
        UUID first = Sharing.activeShare(p, caseId);
        assertTrue(Sse.waitFor(lines, first.toString()), "no event arrived: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.replace(" ", "").equals("event:SHARED")), lines.toString());
        String lastId = lines.stream().filter(line -> line.startsWith("id:")).findFirst().orElseThrow().substring(3).trim();
        UUID second = Sharing.activeShare(p, caseId);
        List<String> resumed = Sse.listen("/api/v1/inbox/stream", p.partnerLiaison(), lastId);
        assertTrue(Sse.waitFor(resumed, second.toString()), resumed.toString());
        assertTrue(resumed.stream().noneMatch(line -> line.contains(first.toString())), resumed.toString());
        assertTrue(outsider.stream().noneMatch(line -> line.contains(first.toString())), outsider.toString());
        assertEquals(403, Sse.status("/api/v1/inbox/stream", p.partnerSupervisor()));
    }
}
