package org.borderwatch.sharing.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Sharing.agreementBody;
import static org.borderwatch.support.Sharing.putAgreement;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgreementResourceTest {

    @Test
    void anAdminRecordsAnAgreementAndBothPartiesReadIt() {
        Sharing.Parties p = Sharing.parties();
        UUID id = UUID.randomUUID();
        putAgreement(id, agreementBody(p.owner(), p.partner(), "\"DRUGS\",\"HUMAN_TRAFFICKING\"", "H2", "2026-01-01", "2027-12-31"))
                .statusCode(201).header("ETag", "\"0\"")
                .body("from", equalTo(p.owner())).body("categories", contains("DRUGS", "HUMAN_TRAFFICKING")).body("maxHandlingCode", equalTo("H2"));
        for (String reader : new String[] {p.ownerLiaison(), p.supervisor(), p.partnerLiaison(), p.partnerSupervisor(), Sharing.ADMIN}) {
            given().auth().oauth2(reader).when().get("/api/v1/agreements/" + id).then().statusCode(200)
                    .body("reference", equalTo("JWC-2026/03 minutes, item 4")).body("validTo", equalTo("2027-12-31"));
        }
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/agreements?limit=200").then().statusCode(200)
                .body("items.id", hasItem(id.toString()));
        given().auth().oauth2(p.thirdLiaison()).when().get("/api/v1/agreements?limit=200").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'AGREEMENT_UPDATE' and resource_id = ? and resource_agency = ?",
                id.toString(), p.owner()));
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'AGREEMENT_UPDATE' and resource_id = ? and resource_agency = ?",
                id.toString(), p.partner()));
    }

    @Test
    void changingAnAgreementNeedsItsETag() {
        Sharing.Parties p = Sharing.parties();
        UUID id = UUID.randomUUID();
        String body = agreementBody(p.owner(), p.partner(), "\"DRUGS\"", "H1", "2026-01-01", "2027-12-31");
        putAgreement(id, body).statusCode(201);
        putAgreement(id, body).statusCode(428);
        given().auth().oauth2(Sharing.OPERATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body.replace("H1", "H3"))
                .when().put("/api/v1/agreements/" + id).then().statusCode(200).header("ETag", "\"1\"").body("maxHandlingCode", equalTo("H3"));
        given().auth().oauth2(Sharing.OPERATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/agreements/" + id).then().statusCode(412);
    }

    @Test
    void anAgencyThatIsNoPartyGets404AndTheAttemptIsAudited() {
        Sharing.Parties p = Sharing.parties();
        UUID id = Sharing.agreement(p, "\"DRUGS\"", "H1");
        given().auth().oauth2(p.thirdLiaison()).when().get("/api/v1/agreements/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(p.thirdLiaison()).when().get("/api/v1/agreements/" + UUID.randomUUID()).then().statusCode(404);
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'AGREEMENT_READ' and resource_id = ? and outcome = 'DENIED' "
                + "and agency = ?", id.toString(), p.third()));
    }

    @Test
    void officersAndAuditorsDoNotReadAgreementsAndOnlyAdminsWriteThem() {
        Sharing.Parties p = Sharing.parties();
        UUID id = Sharing.agreement(p, "\"DRUGS\"", "H1");
        given().auth().oauth2(p.officer()).when().get("/api/v1/agreements/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.token("auditor", "auditor", p.owner())).when().get("/api/v1/agreements").then().statusCode(403);
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON)
                .body(agreementBody(p.owner(), p.partner(), "\"DRUGS\"", "H3", "2026-01-01", "2027-12-31"))
                .when().put("/api/v1/agreements/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void badAgreementsAre400NamingTheField() {
        Sharing.Parties p = Sharing.parties();
        String from = p.owner();
        String to = p.partner();
        putAgreement(UUID.randomUUID(), agreementBody(from, from, "\"DRUGS\"", "H1", "2026-01-01", "2027-12-31")).statusCode(400)
                .body("errors.field", hasItem("to"));
        putAgreement(UUID.randomUUID(), agreementBody(from, to, "\"DRUGS\"", "H1", "2027-01-01", "2026-12-31")).statusCode(400)
                .body("errors.field", hasItem("validTo"));
        putAgreement(UUID.randomUUID(), agreementBody(from, "CN-NOSUCH", "\"DRUGS\"", "H1", "2026-01-01", "2027-12-31")).statusCode(400)
                .body("errors.field", hasItem("to"));
        putAgreement(UUID.randomUUID(), agreementBody(from, to, "\"GOLD\"", "H1", "2026-01-01", "2027-12-31")).statusCode(400)
                .body("errors.field", hasItem("categories[0]"));
        putAgreement(UUID.randomUUID(), agreementBody(from, to, "", "H1", "2026-01-01", "2027-12-31")).statusCode(400)
                .body("errors.field", hasItem("categories"));
        putAgreement(UUID.randomUUID(), agreementBody(from, to, "\"DRUGS\",\"DRUGS\"", "H1", "2026-01-01", "2027-12-31")).statusCode(400)
                .body("errors.field", hasItem("categories"));
        putAgreement(UUID.randomUUID(), agreementBody(from, to, "\"DRUGS\"", "H9", "2026-01-01", "2027-12-31")).statusCode(400)
                .body("errors.field", hasItem("maxHandlingCode"));
        putAgreement(UUID.randomUUID(), agreementBody(from, to, "\"DRUGS\"", "H1", "2026-02-30", "2027-12-31")).statusCode(400)
                .body("errors.field", hasItem("validFrom"));
        given().auth().oauth2(Sharing.OPERATOR).contentType(ContentType.JSON)
                .body(agreementBody(from, to, "\"DRUGS\"", "H1", "2026-01-01", "2027-12-31")).when().put("/api/v1/agreements/not-a-uuid").then()
                .statusCode(400).body("errors.field", hasItem("id"));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/agreements?cursor=garbage").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        assertEquals(0, Db.count("select count(*) from sharing_agreement where from_agency = ? or to_agency = ?", from, from));
    }

    @Test
    void onlyAnAdminOfTheReleasingAgencyOrTheOperatorMakesOrWidensItsAgreements() {
        Sharing.Parties p = Sharing.parties();
        String ownerAdmin = Tokens.token("admin." + p.owner(), "admin", p.owner());
        String partnerAdmin = Tokens.token("admin." + p.partner(), "admin", p.partner());
        UUID id = UUID.randomUUID();
        String body = agreementBody(p.owner(), p.partner(), "\"DRUGS\"", "H1", "2026-01-01", "2027-12-31");
        for (String other : new String[] {Sharing.ADMIN, partnerAdmin}) {
            given().auth().oauth2(other).contentType(ContentType.JSON).body(body).when().put("/api/v1/agreements/" + id).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        assertEquals(0, Db.count("select count(*) from sharing_agreement where id = ?::uuid", id.toString()));
        given().auth().oauth2(ownerAdmin).contentType(ContentType.JSON).body(body).when().put("/api/v1/agreements/" + id).then().statusCode(201);
        String wider = body.replace("H1", "H3").replace("\"DRUGS\"", "\"DRUGS\",\"WEAPONS\"");
        given().auth().oauth2(partnerAdmin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(wider)
                .when().put("/api/v1/agreements/" + id).then().statusCode(403);
        // nor can the releasing agency's admin hand the agreement to another releasing agency
        given().auth().oauth2(ownerAdmin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(agreementBody(p.third(), p.partner(), "\"DRUGS\"", "H1", "2026-01-01", "2027-12-31"))
                .when().put("/api/v1/agreements/" + id).then().statusCode(403);
        assertEquals("H1", Db.text("select max_handling_code from sharing_agreement where id = ?::uuid", id.toString()));
        assertEquals(4, Db.count("select count(*) from audit_event where action = 'AGREEMENT_UPDATE' and outcome = 'DENIED' and resource_id = ?",
                id.toString()));
        given().auth().oauth2(ownerAdmin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(wider)
                .when().put("/api/v1/agreements/" + id).then().statusCode(200).body("maxHandlingCode", equalTo("H3"));
    }
}
