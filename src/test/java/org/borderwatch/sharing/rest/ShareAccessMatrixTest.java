package org.borderwatch.sharing.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.borderwatch.support.Sharing.REDACTED;
import static org.borderwatch.support.Sharing.shareBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.borderwatch.support.Db;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every share and inbox endpoint, called by each role of the owning agency, of the partner (with a live, revoked or
 * expired share) and of an agency with no share. A 404 must always be a recorded denial.
 */
@QuarkusTest
class ShareAccessMatrixTest {

    static final List<String> ENDPOINTS = List.of("release", "list", "read", "approve", "publish", "inbox", "inboxRead", "signed",
            "acknowledge", "thread", "message", "revoke");

    record Fixture(Sharing.Parties parties, UUID caseId, UUID shareId) {
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                row("owner supervisor", "ACTIVE", p -> p.supervisor(), "201 200 200 409 200 403 403 403 403 200 201 200"),
                row("owner liaison", "ACTIVE", p -> p.ownerLiaison(), "201 200 200 403 200 200 404 404 404 200 201 200"),
                row("owner officer", "ACTIVE", p -> p.officer(), "403 403 403 403 403 403 403 403 403 403 403 403"),
                row("owner auditor", "ACTIVE", p -> Tokens.token("auditor." + p.owner(), "auditor", p.owner()), "403 403 403 403 403 403 403 403 403 403 403 403"),
                row("owner admin", "ACTIVE", p -> Tokens.token("admin." + p.owner(), "admin", p.owner()), "403 403 403 403 403 403 403 403 403 403 403 403"),
                row("partner liaison, live share", "ACTIVE", p -> p.partnerLiaison(), "404 404 404 403 404 200 200 200 200 200 201 404"),
                row("partner liaison, revoked share", "REVOKED", p -> p.partnerLiaison(), "404 404 404 403 404 200 200 410 410 410 410 404"),
                row("partner liaison, expired share", "EXPIRED", p -> p.partnerLiaison(), "404 404 404 403 404 200 200 410 410 410 410 404"),
                row("partner supervisor", "ACTIVE", p -> p.partnerSupervisor(), "404 404 404 404 404 403 403 403 403 404 404 404"),
                row("partner officer", "ACTIVE", p -> Tokens.officer("officer." + p.partner(), p.partner()), "403 403 403 403 403 403 403 403 403 403 403 403"),
                row("liaison of an agency with no share", "ACTIVE", p -> p.thirdLiaison(), "404 404 404 403 404 200 404 404 404 404 404 404"),
                row("supervisor of an agency with no share", "ACTIVE", p -> p.thirdSupervisor(), "404 404 404 404 404 403 403 403 403 404 404 404"));
    }

    static Arguments row(String who, String state, Function<Sharing.Parties, String> token, String expected) {
        return Arguments.of(who, state, token, Arrays.stream(expected.split(" ")).map(Integer::valueOf).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachCallerGetsExactlyWhatTheRulesAllow(String who, String state, Function<Sharing.Parties, String> tokenOf, List<Integer> expected)
            throws Exception {
        Fixture f = fixture(state);
        String token = tokenOf.apply(f.parties());
        List<Integer> actual = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            actual.add(call(endpoint, token, f));
        }
        assertEquals(expected, actual, who + ": " + ENDPOINTS);
        long hidden = actual.stream().filter(status -> status == 404).count();
        assertEquals(hidden, Db.count("select count(*) from audit_event where outcome = 'DENIED' and resource_id in (?, ?) and subject = ?",
                f.caseId().toString(), f.shareId().toString(), subjectOf(token)), who + ": every 404 is a recorded denial");
    }

    static Fixture fixture(String state) throws InterruptedException {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID caseId = Sharing.caseOf(p, FULL);
        String expiresAt = Instant.now().plusSeconds(state.equals("EXPIRED") ? 1 : 86_400).toString();
        UUID shareId = UUID.fromString(Sharing.release(p.ownerLiaison(), caseId, shareBody(p.partner(), "H0", REDACTED, expiresAt))
                .statusCode(201).extract().path("id"));
        if (state.equals("REVOKED")) {
            given().auth().oauth2(p.supervisor()).when().delete("/api/v1/cases/" + caseId + "/shares/" + shareId + "?reason=Closed").then().statusCode(200);
        }
        if (state.equals("EXPIRED")) {
            Thread.sleep(1_200);
        }
        return new Fixture(p, caseId, shareId);
    }

    static int call(String endpoint, String token, Fixture f) {
        RequestSpecification request = given().auth().oauth2(token).header("X-Access-Purpose", "Planning the joint patrol");
        String shares = "/api/v1/cases/" + f.caseId() + "/shares";
        String share = shares + "/" + f.shareId();
        String inbox = "/api/v1/inbox/" + f.shareId();
        String thread = "/api/v1/shares/" + f.shareId() + "/messages";
        return switch (endpoint) {
            case "release" -> request.contentType(ContentType.JSON).body(shareBody(partnerOf(token, f.parties()), "H0", REDACTED)).post(shares)
                    .statusCode();
            case "list" -> request.get(shares).statusCode();
            case "read" -> request.get(share).statusCode();
            case "approve" -> request.post(share + "/approve").statusCode();
            case "publish" -> request.post(share + "/snapshots").statusCode();
            case "inbox" -> request.get("/api/v1/inbox").statusCode();
            case "inboxRead" -> request.get(inbox).statusCode();
            case "signed" -> request.get(inbox + "/snapshots/1/signed").statusCode();
            case "acknowledge" -> request.post(inbox + "/acknowledge").statusCode();
            case "thread" -> request.get(thread).statusCode();
            case "message" -> request.contentType(ContentType.JSON).body("{\"kind\":\"COMMENT\",\"body\":\"Noted\"}").post(thread).statusCode();
            case "revoke" -> request.delete(share + "?reason=Done").statusCode();
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    static String subjectOf(String token) {
        return claim(token, "sub");
    }

    /** A release always names another agency than the caller's own, so that only the access rules decide. */
    static String partnerOf(String token, Sharing.Parties p) {
        return claim(token, "agency").equals(p.partner()) ? p.third() : p.partner();
    }

    static String claim(String token, String name) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }
}
