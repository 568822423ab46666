package org.borderwatch.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint with an id in its path answers a malformed id with 400 naming it, as problem+json. */
@QuarkusTest
class BadPathInputTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");
    static final String SUPERVISOR = Tokens.token("supervisor.qn", "supervisor", "VN-QN");
    static final String AUDITOR = Tokens.token("auditor", "auditor", "VN-QN");

    static Stream<Arguments> paths() {
        String uuid = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of(OFFICER, "GET", "/api/v1/reports/12345", "id"),
                Arguments.of(OFFICER, "GET", "/api/v1/reports/12345/versions", "id"),
                Arguments.of(OFFICER, "GET", "/api/v1/reports/12345/history", "id"),
                Arguments.of(SUPERVISOR, "GET", "/api/v1/reports/12345/related", "id"),
                Arguments.of(SUPERVISOR, "POST", "/api/v1/reports/12345/decisions", "id"),
                Arguments.of(SUPERVISOR, "GET", "/api/v1/cases/12345", "id"),
                Arguments.of(SUPERVISOR, "PATCH", "/api/v1/cases/12345", "id"),
                Arguments.of(SUPERVISOR, "POST", "/api/v1/cases/12345/reports", "id"),
                Arguments.of(SUPERVISOR, "DELETE", "/api/v1/cases/" + uuid + "/reports/12345", "reportId"));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void aMalformedIdIs400NamingIt(String token, String method, String path, String field) {
        String body = method.equals("POST") && path.endsWith("decisions") ? "{\"decision\":\"REJECT\",\"reason\":\"x\"}"
                : method.equals("POST") ? "{\"reportId\":\"" + UUID.randomUUID() + "\"}" : "{\"status\":\"CLOSED\"}";
        var request = given().auth().oauth2(token).header("If-Match", "\"1\"");
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.contentType(ContentType.JSON).body(body);
        }
        request.when().request(method, path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field)).body(not(containsString("Exception")));
    }

    @Test
    void aMalformedLastEventIdIs400() {
        given().auth().oauth2(OFFICER).header("Last-Event-ID", "yesterday").accept("text/event-stream")
                .when().get("/api/v1/me/events").then().statusCode(400).body("errors.field", hasItem("Last-Event-ID"));
    }

    @Test
    void checkpointPagingIsChecked() {
        given().auth().oauth2(AUDITOR).queryParam("limit", 0).when().get("/api/v1/audit/checkpoints").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().auth().oauth2(AUDITOR).queryParam("cursor", "abc").when().get("/api/v1/audit/checkpoints").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/checkpoints").then().statusCode(200);
    }

    @Test
    void theJwkSetIsPublicAndNothingElseIs() {
        given().when().get("/.well-known/jwks.json").then().statusCode(200).body("keys[0].kty", equalTo("RSA"));
        given().when().get("/api/v1/audit/checkpoints").then().statusCode(401);
    }

    @Test
    void aNulCharacterInTextIs400NamingTheField() {
        given().auth().oauth2(SUPERVISOR).queryParam("q", "ma\u0000túy").when().get("/api/v1/reports").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"category\":\"DRUGS\",\"occurredAt\":\"2026-11-20T21:40:00+07:00\",\"location\":{\"lat\":21.5,\"lon\":107.9},"
                        + "\"narrative\":{\"text\":\"a\\u0000b\",\"lang\":\"vi\"}}")
                .when().put("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(400).body("errors.field", hasItem("narrative.text"));
    }
}
