package org.borderwatch.sharing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyResourceTest {

    static final String BODY = "{\"country\":\"CN\",\"nameEn\":\"Dongxing Border Police\",\"nameVi\":\"Công an Đông Hưng\",\"nameZh\":\"东兴边境管理大队\"}";

    static ValidatableResponse put(String token, String code, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/agencies/" + code).then();
    }

    static String newCode() {
        return "CN-D" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    @Test
    void anAdminAddsAnAgencyThenRenamesItWithIfMatch() {
        String code = newCode();
        put(Sharing.OPERATOR, code, null, BODY).statusCode(201).header("ETag", "\"0\"").body("nameZh", equalTo("东兴边境管理大队"));
        put(Sharing.OPERATOR, code, null, BODY).statusCode(428);
        put(Sharing.OPERATOR, code, "\"7\"", BODY).statusCode(412);
        put(Sharing.OPERATOR, code, "\"0\"", BODY.replace("Dongxing Border Police", "Dongxing Border Police Brigade")).statusCode(200)
                .header("ETag", "\"1\"").body("nameEn", equalTo("Dongxing Border Police Brigade"));
        given().auth().oauth2(Tokens.officer("o", "VN-QN")).when().get("/api/v1/agencies").then().statusCode(200).body("items.code", hasItem(code));
        given().auth().oauth2(Tokens.officer("o", "VN-QN")).when().get("/api/v1/agencies/" + code).then().statusCode(200)
                .body("country", equalTo("CN"));
        assertEquals(2, Db.count("select count(*) from audit_event where action = 'AGENCY_UPDATE' and resource_id = ? and outcome = 'ALLOWED'", code));
    }

    @Test
    void aNewAgencysPeopleCanUseTheServiceAtOnce() {
        String code = newCode();
        String liaison = Tokens.token("liaison.new", "liaison", code);
        given().auth().oauth2(liaison).when().get("/api/v1/inbox").then().statusCode(403);
        put(Sharing.OPERATOR, code, null, BODY).statusCode(201);
        given().auth().oauth2(liaison).when().get("/api/v1/inbox").then().statusCode(200);
    }

    @Test
    void badAgenciesAre400NamingTheField() {
        put(Sharing.OPERATOR, newCode(), null, BODY.replace("\"CN\"", "\"VN\"")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("country"));
        put(Sharing.OPERATOR, "cn-lower", null, BODY).statusCode(400).body("errors.field", hasItem("code"));
        put(Sharing.OPERATOR, newCode(), null, "{\"country\":\"CN\",\"nameEn\":\"x\",\"nameVi\":\"x\"}").statusCode(400)
                .body("errors.field", hasItem("nameZh"));
        put(Sharing.OPERATOR, newCode(), null, BODY.replace("{", "{\"version\":3,")).statusCode(400);
        put(Sharing.OPERATOR, newCode(), null, "{").statusCode(400);
        given().auth().oauth2(Sharing.OPERATOR).when().get("/api/v1/agencies/XX-NOPE").then().statusCode(404);
    }

    @Test
    void onlyAdminsChangeAgencies() {
        String code = newCode();
        put(Tokens.token("s.agencytest", "supervisor", "VN-QN"), code, null, BODY).statusCode(403);
        put(Tokens.token("l.agencytest", "liaison", "VN-QN"), code, null, BODY).statusCode(403);
        assertEquals(0, Db.count("select count(*) from agency where code = ?", code));
        assertEquals(2, Db.count("select count(*) from audit_event where action = 'ACCESS' and outcome = 'DENIED' and resource_id is null "
                + "and subject in (?, ?) and reason like '%role%'", Tokens.subject("s.agencytest"), Tokens.subject("l.agencytest")));
    }

    @Test
    void onlyTheOperatorAddsAgenciesAndOnlyAnAgencysOwnAdminsRenameIt() {
        String code = newCode();
        put(Sharing.ADMIN, code, null, BODY).statusCode(403).contentType("application/problem+json");
        assertEquals(0, Db.count("select count(*) from agency where code = ?", code));
        put(Sharing.OPERATOR, code, null, BODY).statusCode(201);
        String renamed = BODY.replace("Dongxing Border Police", "Dongxing Border Police Brigade");
        put(Sharing.ADMIN, code, "\"0\"", renamed).statusCode(403);
        assertEquals("Dongxing Border Police", Db.text("select name_en from agency where code = ?", code));
        assertEquals(2, Db.count("select count(*) from audit_event where action = 'AGENCY_UPDATE' and outcome = 'DENIED' and resource_id = ?",
                code));
        put(Tokens.token("admin." + code, "admin", code), code, "\"0\"", renamed).statusCode(200).body("nameEn", equalTo("Dongxing Border Police Brigade"));
    }
}
