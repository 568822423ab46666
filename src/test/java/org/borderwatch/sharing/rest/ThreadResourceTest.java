package org.borderwatch.sharing.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Sharing;
import org.junit.jupiter.api.Test;

/** The message thread both agencies write in: requests for information, responses, overdue requests. */
@QuarkusTest
class ThreadResourceTest {

    static ValidatableResponse post(String token, UUID shareId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/shares/" + shareId + "/messages").then();
    }

    static String request(Instant due) {
        return "{\"kind\":\"REQUEST_FOR_INFORMATION\",\"body\":\"Which crossing point did the motorbike use?\",\"dueAt\":\"" + due + "\"}";
    }

    static Sharing.Parties parties;

    static UUID liveShare() {
        parties = Sharing.parties();
        Sharing.agreement(parties, "\"DRUGS\"", "H1");
        return Sharing.activeShare(parties, Sharing.caseOf(parties, FULL));
    }

    @Test
    void theRecipientAsksAndTheOwnerAnswers() {
        UUID shareId = liveShare();
        Sharing.Parties p = parties;
        String asked = post(p.partnerLiaison(), shareId, request(Instant.now().plusSeconds(86_400))).statusCode(201)
                .body("authorAgency", equalTo(p.partner())).body("answered", equalTo(false)).extract().path("id");
        given().auth().oauth2(p.supervisor()).when().get("/api/v1/cases/" + caseOf(shareId) + "/shares/" + shareId).then()
                .body("openRequests", equalTo(1)).body("overdueRequests", equalTo(0));
        post(p.supervisor(), shareId, "{\"kind\":\"RESPONSE\",\"body\":\"Bac Luan II bridge, lane 2\",\"answers\":\"" + asked + "\"}").statusCode(201);
        post(p.ownerLiaison(), shareId, "{\"kind\":\"COMMENT\",\"body\":\"Photos follow\"}").statusCode(201);
        for (String reader : new String[] {p.partnerLiaison(), p.supervisor(), p.ownerLiaison()}) {
            given().auth().oauth2(reader).when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(200)
                    .body("items", hasSize(3)).body("items.kind", equalTo(List.of("REQUEST_FOR_INFORMATION", "RESPONSE", "COMMENT")))
                    .body("items[0].answered", equalTo(true)).body("items[0].overdue", equalTo(false));
        }
        assertEquals(3, Db.count("select count(*) from share_event where share_id = ? and kind = 'MESSAGE'", shareId));
        assertEquals(3, Db.count("select count(*) from audit_event where action = 'SHARE_MESSAGE' and resource_id = ?", shareId.toString()));
    }

    @Test
    void aLongThreadIsReadAPageAtATimeWithAnswersAcrossPages() {
        UUID shareId = liveShare();
        Sharing.Parties p = parties;
        String asked = post(p.partnerLiaison(), shareId, request(Instant.now().plusSeconds(86_400))).statusCode(201).extract().path("id");
        for (int i = 0; i < 5; i++) {
            post(p.ownerLiaison(), shareId, "{\"kind\":\"COMMENT\",\"body\":\"Note " + i + "\"}").statusCode(201);
        }
        post(p.supervisor(), shareId, "{\"kind\":\"RESPONSE\",\"body\":\"Lane 2\",\"answers\":\"" + asked + "\"}").statusCode(201);
        List<String> bodies = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().auth().oauth2(p.partnerLiaison()).queryParam("limit", 3).queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(200).extract().jsonPath();
            bodies.addAll(page.getList("items.body"));
            if (pages == 0) {
                assertEquals(true, page.getBoolean("items[0].answered"), "answered although the response is on a later page");
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(List.of("Which crossing point did the motorbike use?", "Note 0", "Note 1", "Note 2", "Note 3", "Note 4", "Lane 2"), bodies);
        assertEquals(3, pages);
        given().auth().oauth2(p.partnerLiaison()).queryParam("limit", 201).when().get("/api/v1/shares/" + shareId + "/messages").then()
                .statusCode(400).body("errors.field", hasItem("limit"));
        given().auth().oauth2(p.partnerLiaison()).queryParam("cursor", "bm90LWEtY3Vyc29y").when().get("/api/v1/shares/" + shareId + "/messages")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void anUnansweredRequestPastItsDueDateIsOverdueForBothSides() throws Exception {
        UUID shareId = liveShare();
        Sharing.Parties p = parties;
        post(p.supervisor(), shareId, request(Instant.now().plusSeconds(1))).statusCode(201);
        Thread.sleep(1_500);
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(200)
                .body("items[0].overdue", equalTo(true));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox?overdue=true").then().statusCode(200)
                .body("items.id", equalTo(List.of(shareId.toString()))).body("items[0].overdueRequests", equalTo(1));
        given().auth().oauth2(p.supervisor()).when().get("/api/v1/cases/" + caseOf(shareId) + "/shares").then().statusCode(200)
                .body("items[0].overdueRequests", equalTo(1));
    }

    @Test
    void badMessagesAre400NamingTheField() {
        UUID shareId = liveShare();
        Sharing.Parties p = parties;
        post(p.partnerLiaison(), shareId, "{\"kind\":\"REQUEST_FOR_INFORMATION\",\"body\":\"When?\"}").statusCode(400)
                .body("errors.field", hasItem("dueAt"));
        post(p.partnerLiaison(), shareId, request(Instant.now().minusSeconds(60))).statusCode(400).body("errors.field", hasItem("dueAt"));
        post(p.partnerLiaison(), shareId, "{\"kind\":\"COMMENT\",\"body\":\"x\",\"dueAt\":\"2030-01-01T00:00:00Z\"}").statusCode(400)
                .body("errors.field", hasItem("dueAt"));
        post(p.partnerLiaison(), shareId, "{\"kind\":\"RESPONSE\",\"body\":\"x\"}").statusCode(400).body("errors.field", hasItem("answers"));
        post(p.partnerLiaison(), shareId, "{\"kind\":\"RESPONSE\",\"body\":\"x\",\"answers\":\"" + UUID.randomUUID() + "\"}").statusCode(400)
                .body("errors.field", hasItem("answers"));
        post(p.partnerLiaison(), shareId, "{\"kind\":\"SHOUT\",\"body\":\"x\"}").statusCode(400).body("errors.field", hasItem("kind"));
        post(p.partnerLiaison(), shareId, "{\"kind\":\"COMMENT\",\"body\":\"\"}").statusCode(400).body("errors.field", hasItem("body"));
        post(p.partnerLiaison(), shareId, "{\"kind\":\"COMMENT\",\"body\":\"x\",\"author\":\"someone\"}").statusCode(400);
        assertEquals(0, Db.count("select count(*) from share_message where share_id = ?", shareId));
    }

    @Test
    void outsidersCannotReadOrWriteTheThread() {
        UUID shareId = liveShare();
        Sharing.Parties p = parties;
        post(p.thirdLiaison(), shareId, "{\"kind\":\"COMMENT\",\"body\":\"hello\"}").statusCode(404);
        given().auth().oauth2(p.thirdSupervisor()).when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(404);
        given().auth().oauth2(p.partnerSupervisor()).when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(404);
        post(p.officer(), shareId, "{\"kind\":\"COMMENT\",\"body\":\"hello\"}").statusCode(403);
        assertEquals(0, Db.count("select count(*) from share_message where share_id = ?", shareId));
        assertEquals(2, Db.count("select count(*) from audit_event where resource_id = ? and agency = ? and outcome = 'DENIED'",
                shareId.toString(), p.third()));
    }

    @Test
    void aRevokedSharesThreadIsClosed() {
        UUID shareId = liveShare();
        Sharing.Parties p = parties;
        given().auth().oauth2(p.supervisor()).when().delete("/api/v1/cases/" + caseOf(shareId) + "/shares/" + shareId + "?reason=Closed")
                .then().statusCode(200);
        post(p.supervisor(), shareId, "{\"kind\":\"COMMENT\",\"body\":\"late\"}").statusCode(409);
        post(p.partnerLiaison(), shareId, "{\"kind\":\"COMMENT\",\"body\":\"late\"}").statusCode(410);
        given().auth().oauth2(p.supervisor()).when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(200);
    }

    static String caseOf(UUID shareId) {
        return Db.text("select case_id::text from case_share where id = ?", shareId);
    }
}
