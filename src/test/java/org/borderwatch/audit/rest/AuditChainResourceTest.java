package org.borderwatch.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tamper-evident access log, in a database of its own: every kind of tampering a database
 * superuser could do is found at the right position. Tests run in order; each damages its own range.
 */
@QuarkusTest
@TestProfile(AuditChainResourceTest.FastSealing.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainResourceTest {

    public static class FastSealing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // small verify pages, so that every check here also crosses page boundaries (item 9 of issue 13)
            return Map.of("borderwatch.audit.seal-every", "0.2s", "borderwatch.audit.checkpoint-every-events", "5",
                    "borderwatch.audit.witness-dir", "target/witness-chain-test/${quarkus.uuid}", "borderwatch.audit.reads-per-hour-threshold", "3",
                    "borderwatch.audit.retired-keys", "borderwatch-audit-2025:src/test/resources/keys/dev-public.pem",
                    "borderwatch.audit.verify-page", "4", "borderwatch.audit.verify-checkpoint-page", "3");
        }
    }

    static final String AUDITOR = Tokens.token("auditor", "auditor", "VN-QN");
    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");

    /** Files reports until at least {@code positions} events are sealed. */
    static void sealed(long positions) throws InterruptedException {
        while (Db.count("select count(*) from audit_event") < positions) {
            Reports.filed(OFFICER, Reports.MINIMAL);
        }
        for (int i = 0; i < 100 && Db.count("select count(*) from audit_seal") < positions; i++) {
            Thread.sleep(100);
        }
        assertTrue(Db.count("select count(*) from audit_seal") >= positions, "events were not sealed in time");
    }

    static ValidatableResponse verify(long from, long to) {
        return given().auth().oauth2(AUDITOR).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/audit/verify").then().statusCode(200);
    }

    static String eventAt(long position) {
        return Db.text("select event_id::text from audit_seal where position = ?", position);
    }

    @Test
    @Order(1)
    void anIntactChainVerifiesAndCheckpointsAreSignedWithThePublishedKey() throws Exception {
        sealed(60);
        for (int i = 0; i < 50 && Db.count("select count(*) from audit_checkpoint") < 2; i++) {
            Thread.sleep(100);
        }
        verify(1, 60).body("ok", equalTo(true)).body("from", equalTo(1)).body("to", equalTo(60));
        String jws = given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/checkpoints").then().statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(2)).body("items[1].previousSignature", org.hamcrest.Matchers.notNullValue())
                .extract().path("items[0].jws");
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kid", equalTo("borderwatch-audit-dev")).body("keys[0]", hasKey("n"))
                .body("keys[1].kid", equalTo("borderwatch-audit-2025")).body("keys[2].kid", equalTo("borderwatch-snapshot-dev"));
        assertEquals("borderwatch-checkpoint+jwt", org.borderwatch.audit.chain.CheckpointStatement.header(jws).path("typ").asText());
        Path witnessed = Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("borderwatch.audit.witness-dir", String.class), "checkpoint-0000000001.jws");
        for (int i = 0; i < 50 && !Files.exists(witnessed); i++) {
            Thread.sleep(100);
        }
        assertEquals(jws.trim(), Files.readString(witnessed).trim());
    }

    @Test
    @Order(2)
    void anExportWithCheckpointsAndTheKeyVerifiesOfflineAndTamperingWithItIsFound() throws Exception {
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/export").then().statusCode(428)
                .body("type", equalTo("urn:borderwatch:problem:purpose-required"));
        String export = given().auth().oauth2(AUDITOR).header("X-Access-Purpose", "integrity check before court")
                .accept("application/x-ndjson").when().get("/api/v1/audit/export")
                .then().statusCode(200).extract().asString();
        Path dir = Files.createDirectories(Path.of("target/offline-verify"));
        Files.writeString(dir.resolve("export.ndjson"), export);
        Files.writeString(dir.resolve("checkpoints.json"), given().auth().oauth2(AUDITOR).queryParam("limit", 200)
                .when().get("/api/v1/audit/checkpoints").then().extract().asString());
        Files.writeString(dir.resolve("jwks.json"), given().when().get("/.well-known/jwks.json").then().extract().asString());
        String result = org.borderwatch.audit.tool.VerifyAuditExport.verify(dir.resolve("export.ndjson"), dir.resolve("checkpoints.json"),
                dir.resolve("jwks.json"));
        assertTrue(result.startsWith("OK positions 1.."), result);
        Files.writeString(dir.resolve("export.ndjson"), export.replaceFirst("\"subject\":\"[^\"]+\"", "\"subject\":\"intruder\""));
        String tampered = org.borderwatch.audit.tool.VerifyAuditExport.verify(dir.resolve("export.ndjson"), dir.resolve("checkpoints.json"),
                dir.resolve("jwks.json"));
        assertTrue(tampered.contains("MODIFIED"), tampered);
        given().auth().oauth2(AUDITOR).header("X-Access-Purpose", "integrity check before court").accept("text/csv")
                .queryParam("to", 3).when().get("/api/v1/audit/export")
                .then().statusCode(200).body(org.hamcrest.Matchers.startsWith("position,hash,eventDigest"));
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'AUDIT_EXPORT' and purpose = 'integrity check before court'"
                + " and request_id is not null") >= 1 ? 1 : 0);
    }

    @Test
    @Order(3)
    void aChangedFieldIsFoundAsModifiedAtItsPosition() {
        Db.tamper("update audit_event set reason = 'nothing to see' where id = '" + eventAt(7) + "'");
        verify(1, 10).body("ok", equalTo(false)).body("position", equalTo(7)).body("problem", equalTo("MODIFIED"));
    }

    @Test
    @Order(4)
    void aDeletedEventIsFoundAsMissing() {
        Db.tamper("delete from audit_event where id = '" + eventAt(15) + "'");
        verify(11, 20).body("ok", equalTo(false)).body("position", equalTo(15)).body("problem", equalTo("MISSING"));
        Db.tamper("delete from audit_seal where position = 18");
        verify(16, 20).body("ok", equalTo(false)).body("position", equalTo(18)).body("problem", equalTo("MISSING"));
    }

    @Test
    @Order(5)
    void twoSwappedEventsAreFoundAsReordered() {
        String a = eventAt(23);
        String b = eventAt(24);
        Db.tamper("update audit_seal set event_id = '00000000-0000-0000-0000-000000000001' where position = 23",
                "update audit_seal set event_id = '" + a + "' where position = 24",
                "update audit_seal set event_id = '" + b + "' where position = 23");
        verify(21, 30).body("ok", equalTo(false)).body("position", equalTo(23)).body("problem", equalTo("REORDERED"));
    }

    @Test
    @Order(6)
    void anAdministratorWhoRecomputesTheChainIsCaughtByTheSignedCheckpoint() {
        Db.tamper("update audit_event set subject = 'someone else' where id = '" + eventAt(31) + "'");
        String forged = org.borderwatch.audit.chain.EventCanonicalForm.GENESIS.replace('0', 'f');
        Db.tamper("update audit_seal set hash = '" + forged + "' where position = 35");
        verify(31, 40).body("ok", equalTo(false)).body("problem", equalTo("MODIFIED"));
    }

    @Test
    @Order(7)
    void badRangesAre400AndOtherRolesAre403() {
        given().auth().oauth2(AUDITOR).queryParam("from", "-1").when().get("/api/v1/audit/verify").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().auth().oauth2(AUDITOR).queryParam("to", "x").when().get("/api/v1/audit/verify").then().statusCode(400);
        given().auth().oauth2(OFFICER).when().get("/api/v1/audit/verify").then().statusCode(403);
        given().auth().oauth2(OFFICER).when().get("/api/v1/audit/checkpoints").then().statusCode(403);
    }

    @Test
    @Order(8)
    void aCutTailAfterTheLastCheckpointIsFoundAsTruncated() {
        long checkpointed = Db.count("select max(last_position) from audit_checkpoint");
        Db.tamper("delete from audit_event where id in (select event_id from audit_seal where position >= " + (checkpointed - 2) + ")",
                "delete from audit_seal where position >= " + (checkpointed - 2));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("ok", equalTo(false)).body("problem", equalTo("TRUNCATED")).body("position", equalTo((int) checkpointed - 2));
        Reports.filed(OFFICER, Reports.MINIMAL);
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("problem", equalTo("TRUNCATED"));
    }

    @Test
    @Order(9)
    void signalsListActorsWithRefusalsAndHeavyReaders() {
        java.util.UUID id = Reports.filed(OFFICER, Reports.FULL);
        String prober = Tokens.officer("prober-" + java.util.UUID.randomUUID(), "VN-LS");
        for (int i = 0; i < 3; i++) {
            Reports.get(prober, id).statusCode(404);
        }
        String reader = Tokens.token("reader-" + java.util.UUID.randomUUID(), "supervisor", "VN-QN");
        for (int i = 0; i < 5; i++) {
            Reports.get(reader, id).statusCode(200);
        }
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/signals").then().statusCode(200)
                .body("readsPerHourThreshold", equalTo(3))
                .body("deniedActors.find { it.agency == 'VN-LS' && it.count == 3 }", org.hamcrest.Matchers.notNullValue())
                .body("heavyReaders.find { it.count == 5 }.agency", equalTo("VN-QN"));
        given().auth().oauth2(AUDITOR).queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/api/v1/audit/signals").then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(OFFICER).when().get("/api/v1/audit/signals").then().statusCode(403);
    }
}
