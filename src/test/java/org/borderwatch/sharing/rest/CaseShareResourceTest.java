package org.borderwatch.sharing.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.borderwatch.support.Reports.MINIMAL;
import static org.borderwatch.support.Sharing.REDACTED;
import static org.borderwatch.support.Sharing.release;
import static org.borderwatch.support.Sharing.shareBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.Year;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** Releasing a case: the agreement rules, four-eyes, idempotent retries, and who may do it. */
@QuarkusTest
class CaseShareResourceTest {

    @Test
    void aCoveredReleaseIsActiveAtOnceAndTheOwnerSeesWhatWasGiven() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        String location = release(p.ownerLiaison(), caseId, shareBody(p.partner(), "H1", REDACTED)).statusCode(201)
                .body("status", equalTo("ACTIVE")).body("toAgency", equalTo(p.partner())).body("handlingCode", equalTo("H1"))
                .body("snapshots", hasSize(1)).body("snapshots[0].version", equalTo(1)).body("snapshots[0].signed", equalTo(true))
                .body("snapshots[0].content.reports[0].reference", equalTo("R1"))
                .extract().header("Location");
        given().auth().oauth2(p.supervisor()).when().get(location).then().statusCode(200)
                .body("redaction.exactLocation", equalTo(false)).body("requestedBy", equalTo(Tokens.subject("liaison." + p.owner())))
                .body("snapshots[0].content.toAgency", equalTo(p.partner()));
        given().auth().oauth2(p.supervisor()).when().get("/api/v1/cases/" + caseId + "/shares").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("ACTIVE"));
        String shareId = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'SHARE_CREATE' and resource_id = ? and agency = ? "
                + "and resource_agency = ?", shareId, p.owner(), p.partner()));
        assertEquals(1, Db.count("select count(*) from share_event where share_id = ?::uuid and kind = 'SHARED'", shareId));
    }

    @Test
    void withoutAnAgreementForThePairTheReleaseIs403NamingTheRule() {
        Sharing.Parties p = Sharing.parties();
        UUID caseId = Sharing.caseOf(p, FULL);
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", REDACTED)).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("no sharing agreement from " + p.owner()));
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'SHARE_CREATE' and outcome = 'DENIED' and agency = ?", p.owner()));
        assertEquals(0, Db.count("select count(*) from case_share where case_id = ?", caseId));
    }

    @Test
    void aCategoryTheAgreementDoesNotCoverIs403() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H3");
        UUID caseId = Sharing.caseOf(p, FULL, MINIMAL);
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", REDACTED)).statusCode(403)
                .body("detail", containsString("does not cover category ILLEGAL_CROSSING"));
    }

    @Test
    void aHandlingCodeAboveTheAgreementsIs403() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        release(p.supervisor(), caseId, shareBody(p.partner(), "H2", REDACTED)).statusCode(403)
                .body("detail", containsString("allows handling codes up to H1, not H2"));
    }

    @Test
    void anAgreementNotInForceTodayIs403() {
        Sharing.Parties p = Sharing.parties();
        int year = Year.now().getValue();
        Sharing.putAgreement(UUID.randomUUID(), Sharing.agreementBody(p.owner(), p.partner(), "\"DRUGS\"", "H3",
                (year - 3) + "-01-01", (year - 2) + "-12-31")).statusCode(201);
        UUID caseId = Sharing.caseOf(p, FULL);
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", REDACTED)).statusCode(403)
                .body("detail", containsString("is in force from " + (year - 3) + "-01-01"));
        Sharing.putAgreement(UUID.randomUUID(), Sharing.agreementBody(p.owner(), p.partner(), "\"DRUGS\"", "H3",
                (year + 1) + "-01-01", (year + 2) + "-12-31")).statusCode(201);
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", REDACTED)).statusCode(403);
    }

    @Test
    void anAgreementTheOtherWayRoundDoesNotCount() {
        Sharing.Parties p = Sharing.parties();
        int year = Year.now().getValue();
        Sharing.putAgreement(UUID.randomUUID(), Sharing.agreementBody(p.partner(), p.owner(), "\"DRUGS\"", "H3",
                (year - 1) + "-01-01", (year + 1) + "-12-31")).statusCode(201);
        UUID caseId = Sharing.caseOf(p, FULL);
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", REDACTED)).statusCode(403);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameShare() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID key = UUID.randomUUID();
        String body = shareBody(p.partner(), "H0", REDACTED);
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON).header("Idempotency-Key", key.toString()).body(body)
                .when().post("/api/v1/cases/" + caseId + "/shares").then().statusCode(201).body("id", equalTo(key.toString()));
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON).header("Idempotency-Key", key.toString()).body(body)
                .when().post("/api/v1/cases/" + caseId + "/shares").then().statusCode(200).body("id", equalTo(key.toString()));
        assertEquals(1, Db.count("select count(*) from case_share where case_id = ?", caseId));
        assertEquals(1, Db.count("select count(*) from share_snapshot where share_id = ?", key));
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON).header("Idempotency-Key", "nope").body(body)
                .when().post("/api/v1/cases/" + caseId + "/shares").then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void badReleasesAre400NamingTheFieldAndStoreNothing() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H3");
        UUID caseId = Sharing.caseOf(p, FULL);
        String past = Instant.now().minusSeconds(60).toString();
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", REDACTED, past)).statusCode(400).body("errors.field", hasItem("expiresAt"));
        release(p.supervisor(), caseId, shareBody(p.partner(), "H3", REDACTED).replace("\"conditions\":\"Not to be shown to customs\",", ""))
                .statusCode(400).body("errors.field", hasItem("conditions"));
        release(p.supervisor(), caseId, shareBody(p.owner(), "H0", REDACTED)).statusCode(400).body("errors.field", hasItem("toAgency"));
        release(p.supervisor(), caseId, shareBody("CN-NOSUCH", "H0", REDACTED)).statusCode(400).body("errors.field", hasItem("toAgency"));
        release(p.supervisor(), caseId, shareBody(p.partner(), "H7", REDACTED)).statusCode(400).body("errors.field", hasItem("handlingCode"));
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", "{\"exactLocation\":false}")).statusCode(400)
                .body("errors.field", hasItem("redaction.personIdentifiers"));
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", "{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[\""
                + UUID.randomUUID() + "\"]}")).statusCode(400).body("errors.field", hasItem("redaction.evidence[0]"));
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", REDACTED).replace("\"purpose\":", "\"status\":\"ACTIVE\",\"purpose\":"))
                .statusCode(400);
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", REDACTED).replace("Joint investigation of the Bac Luan II route", "x"))
                .statusCode(400).body("errors.field", hasItem("purpose"));
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON).body(shareBody(p.partner(), "H0", REDACTED))
                .when().post("/api/v1/cases/not-a-case/shares").then().statusCode(400).body("errors.field", hasItem("id"));
        assertEquals(0, Db.count("select count(*) from case_share where case_id = ?", caseId));
    }

    @Test
    void officersAuditorsAndAdminsCannotRelease() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        for (String role : new String[] {"officer", "auditor", "admin"}) {
            release(Tokens.token(role + ".x", role, p.owner()), caseId, shareBody(p.partner(), "H0", REDACTED)).statusCode(403);
        }
        assertEquals(0, Db.count("select count(*) from case_share where case_id = ?", caseId));
    }

    @Test
    void anotherAgencysCaseIs404AndTheRecipientCanNeverReshare() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID shareId = Sharing.activeShare(p, caseId);
        release(p.thirdSupervisor(), caseId, shareBody(p.partner(), "H0", REDACTED)).statusCode(404);
        release(p.partnerLiaison(), caseId, shareBody(p.third(), "H0", REDACTED)).statusCode(404);
        release(p.partnerSupervisor(), caseId, shareBody(p.third(), "H0", REDACTED)).statusCode(404);
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/cases/" + caseId + "/shares/" + shareId).then().statusCode(404);
        given().auth().oauth2(p.thirdSupervisor()).when().get("/api/v1/cases/" + caseId + "/shares").then().statusCode(404);
        given().auth().oauth2(p.partnerLiaison()).when().delete("/api/v1/cases/" + caseId + "/shares/" + shareId + "?reason=mine").then().statusCode(404);
        assertEquals(1, Db.count("select count(*) from case_share where case_id = ?", caseId));
        assertEquals(2, Db.count("select count(*) from audit_event where action = 'SHARE_CREATE' and outcome = 'DENIED' and agency = ? "
                + "and resource_type = 'CASE' and resource_id = ?", p.partner(), caseId.toString()));
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'SHARE_REVOKE' and outcome = 'DENIED' and agency = ?", p.partner()));
    }

    @Test
    void fourEyesHoldsSensitiveReleasesUntilASecondSupervisorApproves() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H3");
        UUID caseId = Sharing.caseOf(p, FULL);
        String shareId = release(p.supervisor(), caseId, shareBody(p.partner(), "H2", REDACTED)).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).body("releasedAt", nullValue()).extract().path("id");
        String approve = "/api/v1/cases/" + caseId + "/shares/" + shareId + "/approve";
        Sharing.inboxRead(p.partnerLiaison(), UUID.fromString(shareId)).statusCode(404);
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(shareId)));
        given().auth().oauth2(p.supervisor()).when().post(approve).then().statusCode(403).body("detail", containsString("requester"));
        given().auth().oauth2(p.ownerLiaison()).when().post(approve).then().statusCode(403);
        given().auth().oauth2(p.thirdSupervisor()).when().post(approve).then().statusCode(404);
        given().auth().oauth2(p.secondSupervisor()).when().post(approve).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("approvedBy", equalTo(Tokens.subject("supervisor2." + p.owner())));
        given().auth().oauth2(p.secondSupervisor()).when().post(approve).then().statusCode(409);
        Sharing.inboxRead(p.partnerLiaison(), UUID.fromString(shareId)).statusCode(200).body("status", equalTo("ACTIVE"));
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'SHARE_APPROVE' and outcome = 'DENIED' and subject = ?",
                Tokens.subject("supervisor." + p.owner())));
    }

    @Test
    void releasingExactLocationOrIdentifiersNeedsApprovalEvenAtH0() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H3");
        UUID caseId = Sharing.caseOf(p, FULL);
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", "{\"exactLocation\":true,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[]}"))
                .statusCode(201).body("status", equalTo("PENDING_APPROVAL"));
        release(p.supervisor(), caseId, shareBody(p.partner(), "H0", "{\"exactLocation\":false,\"personIdentifiers\":true,\"narrative\":\"MASKED\",\"evidence\":[]}"))
                .statusCode(201).body("status", equalTo("PENDING_APPROVAL"));
        release(p.supervisor(), caseId, shareBody(p.partner(), "H1", REDACTED)).statusCode(201).body("status", equalTo("ACTIVE"));
    }

    @Test
    void revokingCutsAccessAndCannotBeRepeated() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        UUID shareId = Sharing.activeShare(p, caseId);
        String path = "/api/v1/cases/" + caseId + "/shares/" + shareId;
        given().auth().oauth2(p.supervisor()).when().delete(path).then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(p.supervisor()).when().delete(path + "?reason=Operation compromised").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("endReason", equalTo("Operation compromised"));
        given().auth().oauth2(p.supervisor()).when().delete(path + "?reason=again").then().statusCode(409);
        given().auth().oauth2(p.supervisor()).when().post(path + "/snapshots").then().statusCode(409);
        assertEquals("REVOKED", Db.text("select status from case_share where id = ?", shareId));
        assertEquals(1, Db.count("select count(*) from share_event where share_id = ? and kind = 'REVOKED'", shareId));
    }

    @Test
    void theSnapshotNeverCarriesTheReporterOrTheDevice() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H3");
        UUID caseId = Sharing.caseOf(p, FULL);
        String body = release(p.supervisor(), caseId, shareBody(p.partner(), "H0",
                "{\"exactLocation\":true,\"personIdentifiers\":true,\"sources\":true,\"narrative\":\"MASKED\",\"evidence\":[]}")).statusCode(201)
                .extract().asString();
        String snapshot = Db.text("select content::text from share_snapshot s join case_share c on c.id = s.share_id where c.case_id = ?", caseId);
        for (String text : new String[] {body, snapshot}) {
            assertFalse(text.contains("officer." + p.owner()), text);
            assertFalse(text.contains("android-7f3a"), text);
            assertFalse(text.contains("deviceId"), text);
            assertFalse(text.contains("reporter"), text);
        }
    }
}
