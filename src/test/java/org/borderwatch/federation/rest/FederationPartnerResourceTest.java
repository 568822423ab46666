package org.borderwatch.federation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.borderwatch.support.Federation;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FederationPartnerResourceTest {

    private static ValidatableResponse put(String token, UUID id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put("/api/v1/federation/partners/" + id).then();
    }

    @Test
    void anAdminConfiguresAPartnerWhoseCertificateIsPinnedAndChangesItWithItsVersion() {
        Sharing.Parties parties = Sharing.parties();
        UUID agreement = Sharing.agreement(parties, "\"DRUGS\"", "H2");
        String admin = Tokens.token("admin." + parties.owner(), "admin", parties.owner());
        UUID id = UUID.randomUUID();
        String installation = Federation.installation();
        String body = Federation.partnerBody(installation, agreement);
        put(admin, id, body).statusCode(201).header("ETag", "\"0\"").body("installation", equalTo(installation))
                .body("certificateSha256", matchesPattern("[0-9a-f]{64}")).body("agreements", hasItem(agreement.toString()))
                .body("recallDeadline", equalTo("PT4H"));
        // a change needs the version it changes
        put(admin, id, body.replace("PT4H", "PT2H")).statusCode(428);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body.replace("PT4H", "PT2H"))
                .when().put("/api/v1/federation/partners/" + id).then().statusCode(200).body("recallDeadline", equalTo("PT2H"));
        given().auth().oauth2(admin).when().get("/api/v1/federation/partners/" + id).then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(admin).when().get("/api/v1/federation/partners?limit=200").then().statusCode(200)
                .body("items.id", hasItem(id.toString()));
        // one installation is one partner
        put(admin, UUID.randomUUID(), body).statusCode(409);
        given().auth().oauth2(Tokens.token("auditor", "auditor", parties.owner())).queryParam("resourceId", id.toString())
                .queryParam("action", "FEDERATION_UPDATE").when().get("/api/v1/audit/events").then().statusCode(200)
                .body("items.size()", equalTo(2));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        Sharing.Parties parties = Sharing.parties();
        UUID agreement = Sharing.agreement(parties, "\"DRUGS\"", "H2");
        String admin = Tokens.token("admin." + parties.owner(), "admin", parties.owner());
        String body = Federation.partnerBody(Federation.installation(), agreement);
        UUID id = UUID.randomUUID();
        put(admin, id, body.replace("\"baseUrl\":\"https://", "\"baseUrl\":\"http://")).statusCode(400).body("errors[0].field", equalTo("baseUrl"));
        put(admin, id, body.replaceFirst("\"certificate\":\"[^\"]*\"", "\"certificate\":\"not a certificate\"")).statusCode(400)
                .body("errors[0].field", equalTo("certificate"));
        put(admin, id, body.replace("\"kty\":\"RSA\"", "\"kty\":\"oct\"")).statusCode(400).body("errors[0].field", equalTo("keySet.keys[0].kty"));
        put(admin, id, body.replace(agreement.toString(), UUID.randomUUID().toString())).statusCode(400)
                .body("errors[0].field", equalTo("agreements[0]"));
        put(admin, id, body.replace("PT4H", "P90D")).statusCode(400).body("errors[0].field", equalTo("recallDeadline"));
        put(admin, id, body.replace("\"agencies\":[\"" + parties.partner() + "\"]", "\"agencies\":[\"XX-NOWHERE\"]")).statusCode(400)
                .body("errors[0].field", equalTo("agencies[0]"));
        // an agreement the link does not cross (both its agencies on one side) cannot travel over it
        put(admin, id, body.replace("\"agencies\":[\"" + parties.partner() + "\"]", "\"agencies\":[\"" + parties.third() + "\"]"))
                .statusCode(400).body("errors[0].field", equalTo("agreements[0]"));
        put(admin, id, body.replace("\"agencies\":[\"" + parties.partner() + "\"]", "\"agencies\":[\"cn-gx\"]")).statusCode(400)
                .body("errors[0].field", equalTo("agencies[0]"));
        put(admin, id, body.replace("\"installation\":\"", "\"installation\":\"UPPER")).statusCode(400).body("errors[0].field", equalTo("installation"));
        given().auth().oauth2(admin).when().get("/api/v1/federation/partners/" + id).then().statusCode(404);
    }

    @Test
    void onlyAdminsOfTheCarriedAgreementsAgenciesConfigureAndOtherRolesAreForbidden() {
        Sharing.Parties parties = Sharing.parties();
        UUID agreement = Sharing.agreement(parties, "\"DRUGS\"", "H2");
        String body = Federation.partnerBody(Federation.installation(), agreement);
        put(parties.supervisor(), UUID.randomUUID(), body).statusCode(403);
        given().auth().oauth2(parties.partnerLiaison()).when().get("/api/v1/federation/partners").then().statusCode(403);
        // an admin of another agency may not let this agency's agreement travel
        put(Tokens.token("admin." + parties.third(), "admin", parties.third()), UUID.randomUUID(), body).statusCode(403);
        given().auth().oauth2(Tokens.token("admin." + parties.third(), "admin", parties.third())).when()
                .get("/api/v1/federation/partners/" + UUID.randomUUID()).then().statusCode(404);
        UUID id = UUID.randomUUID();
        put(Sharing.OPERATOR, id, body).statusCode(201);
        // an admin of another agency cannot take the partner over by carrying only its own agreements
        Sharing.Parties others = Sharing.parties();
        UUID theirs = Sharing.agreement(others, "\"DRUGS\"", "H2");
        given().auth().oauth2(Tokens.token("admin." + others.owner(), "admin", others.owner())).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(body.replace(agreement.toString(), theirs.toString()).replace("PT4H", "PT1M")
                        .replace("\"agencies\":[\"" + parties.partner() + "\"]", "\"agencies\":[\"" + others.partner() + "\"]"))
                .when().put("/api/v1/federation/partners/" + id).then().statusCode(403);
        given().auth().oauth2(Sharing.OPERATOR).when().get("/api/v1/federation/partners/" + id).then().statusCode(200)
                .body("agreements", hasItem(agreement.toString())).body("recallDeadline", equalTo("PT4H"));
    }

    @Test
    void theStatusOfAPartnerShowsPollingAndWhatItHasNotReceipted() {
        Sharing.Parties parties = Sharing.parties();
        UUID agreement = Sharing.agreement(parties, "\"DRUGS\"", "H2");
        String admin = Tokens.token("admin." + parties.owner(), "admin", parties.owner());
        UUID id = UUID.randomUUID();
        String installation = Federation.installation();
        put(admin, id, Federation.partnerBody(installation, agreement)).statusCode(201);
        given().auth().oauth2(admin).when().get("/api/v1/federation/partners/" + id + "/status").then().statusCode(200)
                .body("partnerId", equalTo(id.toString())).body("installation", equalTo(installation)).body("failures", equalTo(0))
                .body("outstanding", equalTo(0)).body("overdueRecalls", equalTo(0));
        given().auth().oauth2(admin).when().get("/api/v1/federation/partners/not-an-id/status").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        given().auth().oauth2(admin).when().get("/api/v1/federation/partners/" + UUID.randomUUID() + "/status").then().statusCode(404);
        given().auth().oauth2(parties.supervisor()).when().get("/api/v1/federation/partners/" + id + "/status").then().statusCode(403);
    }
}
