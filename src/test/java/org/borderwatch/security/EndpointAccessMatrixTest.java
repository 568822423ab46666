package org.borderwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.borderwatch.support.Contract;
import org.borderwatch.support.Db;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation in openapi/ against every role (OWASP API5, function level) and, where the operation names an
 * object, against the permitted roles of an agency the object does not belong to (API1, object level). The permitted
 * roles are written here from the role table in DESIGN.md, not read from the code.
 */
@QuarkusTest
class EndpointAccessMatrixTest {

    static final String ROLE_REFUSAL = "Your role does not allow this operation";

    @Test
    void everyDocumentedOperationIsInTheMatrix() throws Exception {
        Set<String> documented = Contract.operations();
        Set<String> inMatrix = new TreeSet<>(AccessMatrix.OPERATIONS.stream().map(AccessMatrix.Operation::key).toList());
        assertEquals(documented, inMatrix, "every documented operation needs its permitted roles in the matrix");
    }

    /**
     * Permitted calls of the owning agency's people that rightly do not succeed, and why. Every other permitted call
     * must succeed (2xx): a role that loses access to its own agency's objects fails the test.
     */
    static final Map<String, Integer> NOT_SUCCESS = Map.of(
            // A liaison sees evidence only where a share to the own agency releases it (DESIGN: sees nothing not shared to it).
            "liaison GET /api/v1/evidence/{id}", 404,
            "liaison GET /api/v1/evidence/{id}/metadata", 404,
            // The fixture's shares go from the liaison's agency to the partner: they are in the partner's inbox, not in this
            // one (the partner's liaison reading them: ShareAccessMatrixTest).
            "liaison GET /api/v1/inbox/{shareId}", 404,
            "liaison POST /api/v1/inbox/{shareId}/acknowledge", 404,
            "liaison GET /api/v1/inbox/{shareId}/snapshots/{version}/signed", 404);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"officer", "supervisor", "liaison", "auditor", "admin", "operator", "no role"})
    void eachRoleOfTheOwningAgencyReachesExactlyItsOperations(String role) throws Exception {
        AccessMatrix.Fixture fixture = AccessMatrix.Fixture.create();
        String name = role.replace(" ", "") + "." + fixture.owner();
        String token = role.equals("no role") ? Tokens.withRoles(name, fixture.owner()) : Tokens.token(name, role, fixture.owner());
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (AccessMatrix.Operation operation : AccessMatrix.OPERATIONS) {
            AccessMatrix.Call call = operation.call().apply(fixture);
            AccessMatrix.Answer answer = AccessMatrix.send(call, token);
            boolean roleRefusal = answer.status() == 403 && (call.method().equals("HEAD") || ROLE_REFUSAL.equals(answer.detail()));
            if (operation.roles().contains(role)) {
                int expected = NOT_SUCCESS.getOrDefault(role + " " + operation.key(), 0);
                if (expected == 0 ? answer.status() >= 300 : answer.status() != expected) {
                    wrong.add(operation.key() + " answered " + answer.status() + " " + answer.detail());
                }
            } else {
                refused++;
                if (!roleRefusal) {
                    wrong.add(operation.key() + " answered " + answer.status() + " instead of a role refusal");
                }
            }
        }
        assertTrue(wrong.isEmpty(), role + ":\n" + String.join("\n", wrong));
        assertEquals(refused, Db.count("select count(*) from audit_event where subject = ? and action = 'ACCESS' and outcome = 'DENIED'"
                + " and reason like 'role not allowed for %'", Tokens.subject(name)), role + ": every role refusal is recorded");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"officer", "supervisor", "liaison", "auditor", "admin"})
    void anotherAgencysObjectsAreHiddenFromEveryRoleAndEachAttemptIsRecorded(String role) throws Exception {
        AccessMatrix.Fixture fixture = AccessMatrix.Fixture.create();
        String name = "matrix-outsider-" + role + "." + fixture.outsider();
        String token = Tokens.token(name, role, fixture.outsider());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (AccessMatrix.Operation operation : AccessMatrix.OPERATIONS) {
            if (!operation.hiddenFrom().contains(role)) {
                continue;
            }
            AccessMatrix.Call call = operation.call().apply(fixture);
            long before = denials(name, fixture);
            AccessMatrix.Answer answer = AccessMatrix.send(call, token);
            long recorded = denials(name, fixture) - before;
            checked++;
            if (answer.status() != 404 || recorded != 1) {
                wrong.add(operation.key() + " answered " + answer.status() + " with " + recorded + " recorded denials");
            }
        }
        assertTrue(checked > 0 || role.equals(AccessMatrix.ADMIN), role + ": no operation checked");
        assertTrue(wrong.isEmpty(), role + " of another agency: " + String.join("\n", wrong));
    }

    @Test
    void anAuditorAskingWhoAccessedAnotherAgencysReportSeesOnlyTheOwnAgencysAttempts() throws Exception {
        AccessMatrix.Fixture fixture = AccessMatrix.Fixture.create();
        String outsider = Tokens.officer("matrix-curious." + fixture.outsider(), fixture.outsider());
        given().auth().oauth2(outsider).when().get("/api/v1/reports/" + fixture.report()).then().statusCode(404);
        given().auth().oauth2(Tokens.token("matrix-auditor." + fixture.outsider(), AccessMatrix.AUDITOR, fixture.outsider()))
                .when().get("/api/v1/audit/resources/REPORT/" + fixture.report() + "/access").then().statusCode(200)
                .body("items.agency", everyItem(equalTo(fixture.outsider())))
                .body("items.actor", hasItem(Tokens.subject("matrix-curious." + fixture.outsider())));
        given().auth().oauth2(Tokens.token("matrix-auditor." + fixture.owner(), AccessMatrix.AUDITOR, fixture.owner()))
                .when().get("/api/v1/audit/resources/REPORT/" + fixture.report() + "/access").then().statusCode(200)
                .body("items.agency", hasItem(fixture.owner()));
    }

    static long denials(String name, AccessMatrix.Fixture fixture) {
        return Db.count("select count(*) from audit_event where subject = ? and outcome = 'DENIED' and resource_id in ("
                + String.join(",", fixture.ids().stream().map(id -> "'" + id + "'").toList()) + ")", Tokens.subject(name));
    }
}
