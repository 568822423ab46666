package org.borderwatch.federation.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Federation;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sharing;
import org.junit.jupiter.api.Test;

/**
 * What the publisher puts in a partner's collection, in the order of the changes: Borderwatch's definitions, the
 * release as a signed report, messages as notes, and the recall as a revoked version that carries no content; nothing
 * for a share under an agreement the partner does not carry.
 */
@QuarkusTest
class FederationPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static long objects(UUID partner, String where) {
        return Db.count("select count(*) from federation_object o join federation_partner p on p.id = o.partner_id where p.id = '"
                + partner + "' and " + where);
    }

    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void aCarriedReleaseItsMessagesAndItsRecallArePublishedSignedAndInOrder() throws Exception {
        Sharing.Parties parties = Sharing.parties();
        UUID agreement = Sharing.agreement(parties, "\"DRUGS\"", "H2");
        UUID partner = UUID.randomUUID();
        given().auth().oauth2(Sharing.OPERATOR).contentType(ContentType.JSON).body(Federation.partnerBody(Federation.installation(), agreement))
                .when().put("/api/v1/federation/partners/" + partner).then().statusCode(201);
        UUID caseId = Sharing.caseOf(parties, Reports.FULL);
        UUID share = Sharing.activeShare(parties, caseId);
        eventually("the release is published", () -> objects(partner, "o.stix_id = 'report--" + share + "'") == 1);
        assertEquals(12, objects(partner, "o.share_id is null and o.stix_type not like 'x-borderwatch-%'"),
                "the identity, seven extension definitions and four markings, once");
        String report = Db.text("select object from federation_object where partner_id = ? and stix_id = ?", partner, "report--" + share);
        String jws = Db.text("select jws from federation_object where partner_id = ? and stix_id = ?", partner, "report--" + share);
        JsonNode keys = JSON.readTree(given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        assertTrue(SignedObjects.verify(JSON.readTree(report), jws, keys).isEmpty(), "signed with the installation's published key");
        assertTrue(!report.contains("0912345678") && !report.contains("14A-123.45"), "the release carries the redacted snapshot only: " + report);

        given().auth().oauth2(parties.partnerLiaison()).contentType(ContentType.JSON).body("{\"kind\":\"COMMENT\",\"body\":\"Received, thanks\"}")
                .when().post("/api/v1/shares/" + share + "/messages").then().statusCode(201);
        eventually("the message is published as a note", () -> objects(partner, "o.stix_type = 'note' and o.share_id = '" + share + "'") == 1);

        given().auth().oauth2(parties.supervisor()).when().delete("/api/v1/cases/" + caseId + "/shares/" + share + "?reason=Operation compromised")
                .then().statusCode(200);
        eventually("the recall is published", () -> objects(partner, "o.stix_id = 'report--" + share + "' and o.object like '%\"revoked\":true%'") == 1);
        String recall = Db.text("select object from federation_object where partner_id = ? and stix_id = ? and object like '%\"revoked\":true%'",
                partner, "report--" + share);
        assertTrue(!recall.contains("Bac Luan"), "a recall carries no content: " + recall);
        assertTrue(Db.count("select count(*) from federation_object a join federation_object b on a.partner_id = b.partner_id "
                + "where a.partner_id = '" + partner + "' and a.seq < b.seq and a.date_added >= b.date_added") == 0,
                "date_added grows with the collection's order");
        given().auth().oauth2(parties.supervisor()).when().get("/api/v1/cases/" + caseId + "/shares/" + share + "/deliveries").then()
                .statusCode(200).body("items.size()", equalTo(3)).body("items[2].type", equalTo("report")).body("items[0].receiptedAt", equalTo(null));
    }

    @Test
    void aShareUnderAnAgreementNoPartnerCarriesIsNotPublished() throws Exception {
        Sharing.Parties parties = Sharing.parties();
        Sharing.agreement(parties, "\"DRUGS\"", "H2");
        UUID share = Sharing.activeShare(parties, Sharing.caseOf(parties, Reports.FULL));
        eventually("the change is looked at", () -> Db.count("select count(*) from federation_queue") == 0);
        assertEquals(0, Db.count("select count(*) from federation_object where share_id = ?", share));
    }

    @Test
    void deliveriesAreTheOwnersAndBadIdsAreNamed() {
        Sharing.Parties parties = Sharing.parties();
        Sharing.agreement(parties, "\"DRUGS\"", "H2");
        UUID caseId = Sharing.caseOf(parties, Reports.FULL);
        UUID share = Sharing.activeShare(parties, caseId);
        given().auth().oauth2(parties.supervisor()).when().get("/api/v1/cases/" + caseId + "/shares/" + share + "/deliveries").then()
                .statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(parties.supervisor()).when().get("/api/v1/cases/" + caseId + "/shares/not-a-share/deliveries").then()
                .statusCode(400).body("errors[0].field", equalTo("shareId"));
        given().auth().oauth2(parties.thirdSupervisor()).when().get("/api/v1/cases/" + caseId + "/shares/" + share + "/deliveries").then()
                .statusCode(404);
        given().auth().oauth2(parties.officer()).when().get("/api/v1/cases/" + caseId + "/shares/" + share + "/deliveries").then()
                .statusCode(403);
    }

    @Test
    void taxiiIsNotServedOnThePlainPort() {
        given().when().get("/taxii2/").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/taxii2/borderwatch/collections/").then().statusCode(404);
    }
}
