package org.borderwatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.borderwatch.support.Db;
import org.borderwatch.support.Sharing;
import org.borderwatch.vetting.rest.DecisionResourceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Object property level authorization (OWASP API3), mass assignment: every property the service owns (who, which
 * agency, status, version, approvals, timestamps) is refused in a write body with 400 naming it, and the write does not
 * happen. (Report bodies: ReportValidationTest. Over-exposure of reporter, device and positions: CaseShareResourceTest,
 * InboxResourceTest, RedactorTest.)
 */
@QuarkusTest
class ObjectPropertyTest {

    static final String TABLES = "(select count(*) from case_file) + (select count(*) from case_share)"
            + " + (select count(*) from share_message) + (select count(*) from sharing_agreement) + (select count(*) from agency)"
            + " + (select count(*) from report_history) + (select count(*) from federation_partner)";

    /** A well-typed value for each property, so that a refusal can only mean the property itself is not accepted. */
    static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("id", "\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\""), Map.entry("caseId", "\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\""),
            Map.entry("agreementId", "\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\""), Map.entry("agency", "\"CN-GX\""),
            Map.entry("fromAgency", "\"CN-GX\""), Map.entry("authorAgency", "\"CN-GX\""), Map.entry("code", "\"VN-QN\""),
            Map.entry("status", "\"ACTIVE\""), Map.entry("version", "3"), Map.entry("categories", "[\"DRUGS\"]"),
            Map.entry("reportIds", "[\"0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51\"]"), Map.entry("snapshots", "[]"), Map.entry("answered", "true"),
            Map.entry("createdAt", "\"2026-01-01T00:00:00Z\""), Map.entry("releasedAt", "\"2026-01-01T00:00:00Z\""),
            Map.entry("updatedAt", "\"2026-01-01T00:00:00Z\""), Map.entry("certificateSha256", "\"" + "a".repeat(64) + "\""),
            Map.entry("certificateNotAfter", "\"2027-01-01T00:00:00Z\""), Map.entry("keyIds", "[\"k1\"]"));
    static final Set<String> REFUSED = Set.of("is set by the server and must not be sent", "is not a known field");

    record Write(String what, Function<AccessMatrix.Fixture, String> token, Function<AccessMatrix.Fixture, AccessMatrix.Call> call) {
    }

    /** Every write that takes a JSON body of a case, share, message, agreement, agency or decision. */
    static List<Write> writes() {
        return List.of(
                new Write("case", f -> f.parties().supervisor(), f -> AccessMatrix.json("POST", "/api/v1/cases",
                        "{\"title\":\"Mass assignment\",\"reportIds\":[\"" + f.spareReport() + "\"]}")),
                new Write("case change", f -> f.parties().supervisor(), f -> AccessMatrix.json("PATCH", "/api/v1/cases/" + f.caseId(),
                        "{\"summary\":\"Changed\"}").header("If-Match", "\"0\"")),
                new Write("share", f -> f.parties().supervisor(), f -> AccessMatrix.json("POST", "/api/v1/cases/" + f.caseId() + "/shares",
                        Sharing.shareBody(f.parties().partner(), "H0", Sharing.REDACTED))),
                new Write("message", f -> f.parties().supervisor(), f -> AccessMatrix.json("POST", "/api/v1/shares/" + f.shareId() + "/messages",
                        "{\"kind\":\"COMMENT\",\"body\":\"Noted\"}")),
                new Write("agreement", f -> Sharing.OPERATOR, f -> AccessMatrix.json("PUT", "/api/v1/agreements/" + UUID.randomUUID(),
                        Sharing.agreementBody(f.owner(), f.outsider(), "\"DRUGS\"", "H0", "2026-01-01", "2027-12-31"))),
                new Write("agency", f -> Sharing.OPERATOR, f -> AccessMatrix.json("PUT", "/api/v1/agencies/VN-M" + f.owner().substring(4),
                        "{\"country\":\"VN\",\"nameEn\":\"Unit\",\"nameVi\":\"Đơn vị\",\"nameZh\":\"单位\"}")),
                new Write("decision", f -> f.parties().secondSupervisor(), f -> AccessMatrix.json("POST",
                        "/api/v1/reports/" + f.spareReport() + "/decisions", DecisionResourceTest.VERIFY).header("If-Match", "\"2\"")),
                new Write("federation partner", f -> Sharing.OPERATOR, f -> AccessMatrix.json("PUT", "/api/v1/federation/partners/" + UUID.randomUUID(),
                        org.borderwatch.support.Federation.partnerBody(org.borderwatch.support.Federation.installation(), f.agreementId()))));
    }

    static Stream<Arguments> serverOwnedProperties() {
        List<Write> writes = writes();
        return Stream.of(
                Arguments.of(writes.get(0), List.of("id", "agency", "status", "createdBy", "createdAt", "version", "categories")),
                Arguments.of(writes.get(1), List.of("id", "agency", "createdBy", "version", "reportIds", "categories")),
                Arguments.of(writes.get(2), List.of("id", "caseId", "fromAgency", "status", "requestedBy", "approvedBy", "releasedAt",
                        "agreementId", "version", "snapshots")),
                Arguments.of(writes.get(3), List.of("id", "author", "authorAgency", "createdAt", "answered")),
                Arguments.of(writes.get(4), List.of("id", "createdBy", "updatedAt", "version")),
                Arguments.of(writes.get(5), List.of("code", "version")),
                Arguments.of(writes.get(6), List.of("decidedBy", "status", "reporter", "agency")),
                Arguments.of(writes.get(7), List.of("id", "certificateSha256", "certificateNotAfter", "keyIds", "createdBy", "updatedAt", "version")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverOwnedProperties")
    void aServerOwnedPropertyIsRefusedByNameAndNothingIsWritten(Write write, List<String> properties) throws Exception {
        AccessMatrix.Fixture fixture = AccessMatrix.Fixture.create();
        for (String property : properties) {
            AccessMatrix.Call call = write.call().apply(fixture);
            AccessMatrix.Call forged = new AccessMatrix.Call(call.method(), call.path(),
                    call.body().replaceFirst("\\{", "{\"" + property + "\":" + VALUES.getOrDefault(property, "\"someone\"") + ","), call.headers());
            long before = Db.count("select " + TABLES);
            AccessMatrix.Answer answer = AccessMatrix.send(forged, write.token().apply(fixture));
            assertEquals(400, answer.status(), write.what() + "." + property);
            assertTrue(answer.fields().contains(property), write.what() + "." + property + " named in " + answer.problem());
            String message = answer.problem().path("errors").findValue("message").asText();
            assertTrue(REFUSED.contains(message), write.what() + "." + property + " refused as a property, not as a bad value: " + message);
            assertEquals(before, Db.count("select " + TABLES), write.what() + "." + property + " wrote something");
        }
    }
}
