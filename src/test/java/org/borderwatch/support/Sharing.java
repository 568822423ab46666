package org.borderwatch.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.borderwatch.vetting.rest.DecisionResourceTest;

/**
 * Fresh agencies for each sharing test, so that agreements made by one test never cover another's releases, and
 * the people of each agency as tokens.
 */
public final class Sharing {

    public static final String ADMIN = Tokens.token("admin", "admin", "VN-QN");
    /** The platform operator, who adds agencies and keeps any agreement: what the tests set their fixtures up as. */
    public static final String OPERATOR = Tokens.token("operator", "operator", "VN-QN");

    private Sharing() {
    }

    /** The owner, its partner and an unrelated third agency, each with its officer, supervisors and liaison. */
    public record Parties(String owner, String partner, String third) {

        public String officer() {
            return Tokens.officer("officer." + owner, owner);
        }

        public String supervisor() {
            return Tokens.token("supervisor." + owner, "supervisor", owner);
        }

        public String secondSupervisor() {
            return Tokens.token("supervisor2." + owner, "supervisor", owner);
        }

        public String ownerLiaison() {
            return Tokens.token("liaison." + owner, "liaison", owner);
        }

        public String partnerLiaison() {
            return Tokens.token("liaison." + partner, "liaison", partner);
        }

        public String partnerSupervisor() {
            return Tokens.token("supervisor." + partner, "supervisor", partner);
        }

        public String thirdLiaison() {
            return Tokens.token("liaison." + third, "liaison", third);
        }

        public String thirdSupervisor() {
            return Tokens.token("supervisor." + third, "supervisor", third);
        }
    }

    public static Parties parties() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Parties parties = new Parties("VN-A" + tag, "CN-B" + tag, "VN-C" + tag);
        agency(parties.owner(), "VN");
        agency(parties.partner(), "CN");
        agency(parties.third(), "VN");
        return parties;
    }

    public static void agency(String code, String country) {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("{\"country\":\"" + country + "\",\"nameEn\":\"Unit " + code + "\",\"nameVi\":\"Đơn vị " + code + "\",\"nameZh\":\"单位 " + code + "\"}")
                .when().put("/api/v1/agencies/" + code).then().statusCode(201);
    }

    public static ValidatableResponse putAgreement(UUID id, String body) {
        return given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body).when().put("/api/v1/agreements/" + id).then();
    }

    public static String agreementBody(String from, String to, String categories, String maxCode, String validFrom, String validTo) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"categories\":[" + categories + "],\"maxHandlingCode\":\"" + maxCode
                + "\",\"validFrom\":\"" + validFrom + "\",\"validTo\":\"" + validTo + "\",\"reference\":\"JWC-2026/03 minutes, item 4\"}";
    }

    /** An agreement in force from last year to next year for the pair. */
    public static UUID agreement(Parties parties, String categories, String maxCode) {
        UUID id = UUID.randomUUID();
        int year = java.time.Year.now().getValue();
        putAgreement(id, agreementBody(parties.owner(), parties.partner(), categories, maxCode, (year - 1) + "-01-01", (year + 1) + "-12-31"))
                .statusCode(201);
        return id;
    }

    /** A case of the owner made of verified reports with the given bodies. */
    public static UUID caseOf(Parties parties, String... reportBodies) {
        StringBuilder ids = new StringBuilder();
        for (String body : reportBodies) {
            UUID report = Reports.filed(parties.officer(), body);
            DecisionResourceTest.decide(parties.supervisor(), report, "\"1\"", DecisionResourceTest.VERIFY).statusCode(200);
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(report).append('"');
        }
        String id = given().auth().oauth2(parties.supervisor()).contentType(ContentType.JSON)
                .body("{\"title\":\"Meth at Bac Luan II, call 0912345678\",\"summary\":\"Plate 14A-123.45 seen twice\",\"reportIds\":[" + ids + "]}")
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static String shareBody(String toAgency, String code, String redaction) {
        return shareBody(toAgency, code, redaction, Instant.now().plus(30, ChronoUnit.DAYS).toString());
    }

    public static String shareBody(String toAgency, String code, String redaction, String expiresAt) {
        return "{\"toAgency\":\"" + toAgency + "\",\"handlingCode\":\"" + code + "\",\"purpose\":\"Joint investigation of the Bac Luan II route\","
                + (code.equals("H3") ? "\"conditions\":\"Not to be shown to customs\"," : "")
                + "\"expiresAt\":\"" + expiresAt + "\",\"redaction\":" + redaction + "}";
    }

    public static final String REDACTED = "{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[]}";

    public static ValidatableResponse release(String token, UUID caseId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/cases/" + caseId + "/shares").then();
    }

    /** A case of the owner released at H0 with the redacted profile: ACTIVE at once. */
    public static UUID activeShare(Parties parties, UUID caseId) {
        return UUID.fromString(release(parties.supervisor(), caseId, shareBody(parties.partner(), "H0", REDACTED)).statusCode(201)
                .extract().path("id"));
    }

    public static ValidatableResponse inboxRead(String token, UUID shareId) {
        return given().auth().oauth2(token).header("X-Access-Purpose", "Planning the joint patrol").when().get("/api/v1/inbox/" + shareId).then();
    }
}
