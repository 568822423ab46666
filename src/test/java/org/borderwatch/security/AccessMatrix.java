package org.borderwatch.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.borderwatch.support.Files;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Uploads;
import org.borderwatch.vetting.rest.DecisionResourceTest;

/** The operations of the API with the roles DESIGN.md gives them, a fixture of one agency's objects, and a raw caller. */
final class AccessMatrix {

    static final String OFFICER = "officer";
    static final String SUPERVISOR = "supervisor";
    static final String LIAISON = "liaison";
    static final String AUDITOR = "auditor";
    static final String ADMIN = "admin";
    static final String OPERATOR = "operator";
    static final Set<String> EVERY_ROLE = Set.of(OFFICER, SUPERVISOR, LIAISON, AUDITOR, ADMIN, OPERATOR);
    static final Set<String> ANYONE = Set.of(OFFICER, SUPERVISOR, LIAISON, AUDITOR, ADMIN, OPERATOR, "no role");
    static final String PURPOSE = "Checking who may call what";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessMatrix() {
    }

    /**
     * One documented operation: who may call it, which of those roles must get 404 when the object it names belongs to
     * another agency, and a valid call.
     */
    record Operation(String key, Set<String> roles, Set<String> hiddenFrom, Function<Fixture, Call> call) {
    }

    record Call(String method, String path, String body, Map<String, String> headers) {

        Call header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(method, path, body, more);
        }
    }

    /** The status, and the problem document when the answer is one (else a missing node). */
    record Answer(int status, JsonNode problem) {

        String detail() {
            return problem.isMissingNode() ? null : problem.path("detail").asText();
        }

        List<String> fields() {
            return problem.path("errors").findValuesAsText("field");
        }
    }

    /**
     * An owning agency with: a verified report in a case, shared ACTIVE to a partner and also released at H2 awaiting a
     * second supervisor; two more verified reports outside any case; a report awaiting vetting; evidence; an open upload.
     */
    record Fixture(Sharing.Parties parties, UUID report, UUID spareReport, UUID looseReport, UUID submittedReport, UUID caseId,
                   UUID shareId, UUID pendingShareId, String evidenceId, String uploadId, UUID agreementId, UUID partnerId) {

        static Fixture create() {
            Sharing.Parties p = Sharing.parties();
            UUID agreement = Sharing.agreement(p, "\"DRUGS\"", "H2");
            UUID report = verified(p);
            String caseId = given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON)
                    .body("{\"title\":\"Matrix case\",\"reportIds\":[\"" + report + "\"]}")
                    .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
            UUID share = Sharing.activeShare(p, UUID.fromString(caseId));
            UUID pending = UUID.fromString(Sharing.release(p.ownerLiaison(), UUID.fromString(caseId),
                    Sharing.shareBody(p.partner(), "H2", Sharing.REDACTED)).statusCode(201).extract().path("id"));
            String evidence = Uploads.uploaded(p.officer(), report, Files.jpeg(21.5283, 107.9650, 2_000));
            String upload = Uploads.created(p.officer(), report, new byte[1_000], "image/jpeg");
            UUID partner = UUID.randomUUID();
            given().auth().oauth2(Sharing.OPERATOR).contentType(ContentType.JSON)
                    .body(org.borderwatch.support.Federation.partnerBody(org.borderwatch.support.Federation.installation(), agreement))
                    .when().put("/api/v1/federation/partners/" + partner).then().statusCode(201);
            return new Fixture(p, report, verified(p), verified(p), Reports.filed(p.officer(), Reports.FULL), UUID.fromString(caseId), share,
                    pending, evidence, upload.substring(upload.lastIndexOf('/') + 1), agreement, partner);
        }

        static UUID verified(Sharing.Parties p) {
            UUID report = Reports.filed(p.officer(), Reports.FULL);
            DecisionResourceTest.decide(p.supervisor(), report, "\"1\"", DecisionResourceTest.VERIFY).statusCode(200);
            return report;
        }

        String owner() {
            return parties.owner();
        }

        /** An agency with no share, no agreement and no objects of its own. */
        String outsider() {
            return parties.third();
        }

        List<String> ids() {
            return List.of(report.toString(), spareReport.toString(), looseReport.toString(), submittedReport.toString(), caseId.toString(),
                    shareId.toString(), pendingShareId.toString(), evidenceId, uploadId, agreementId.toString(), partnerId.toString());
        }
    }

    static final List<Operation> OPERATIONS = List.of(
            op("GET /.well-known/jwks.json", ANYONE, false, f -> get("/.well-known/jwks.json")),
            op("OPTIONS /api/v1/uploads", ANYONE, false, f -> new Call("OPTIONS", "/api/v1/uploads", null, Map.of())),
            op("GET /api/v1/agencies", EVERY_ROLE, false, f -> get("/api/v1/agencies")),
            op("GET /api/v1/agencies/{code}", EVERY_ROLE, false, f -> get("/api/v1/agencies/" + f.owner())),
            op("PUT /api/v1/agencies/{code}", Set.of(ADMIN, OPERATOR), false, f -> json("PUT", "/api/v1/agencies/" + f.owner(),
                    "{\"country\":\"VN\",\"nameEn\":\"Unit\",\"nameVi\":\"Đơn vị\",\"nameZh\":\"单位\"}").header("If-Match", "\"0\"")),
            op("GET /api/v1/agreements", Set.of(ADMIN, OPERATOR, SUPERVISOR, LIAISON), false, f -> get("/api/v1/agreements")),
            // Admins keep the registry of agreements between all agencies; other roles see only their agency's agreements.
            new Operation("GET /api/v1/agreements/{id}", Set.of(ADMIN, OPERATOR, SUPERVISOR, LIAISON), Set.of(SUPERVISOR, LIAISON),
                    f -> get("/api/v1/agreements/" + f.agreementId())),
            op("PUT /api/v1/agreements/{id}", Set.of(ADMIN, OPERATOR), false, f -> json("PUT", "/api/v1/agreements/" + UUID.randomUUID(),
                    Sharing.agreementBody(f.owner(), f.parties().partner(), "\"GOODS_SMUGGLING\"", "H0", Year.now() + "-01-01",
                            Year.now().plusYears(1) + "-12-31"))),
            // Which installations this one trusts is installation-wide configuration, kept by admins and the operator.
            op("GET /api/v1/federation/partners", Set.of(ADMIN, OPERATOR), false, f -> get("/api/v1/federation/partners")),
            op("GET /api/v1/federation/partners/{id}", Set.of(ADMIN, OPERATOR), false, f -> get("/api/v1/federation/partners/" + f.partnerId())),
            op("GET /api/v1/federation/partners/{id}/status", Set.of(ADMIN, OPERATOR), false,
                    f -> get("/api/v1/federation/partners/" + f.partnerId() + "/status")),
            op("PUT /api/v1/federation/partners/{id}", Set.of(ADMIN, OPERATOR), false, f -> json("PUT", "/api/v1/federation/partners/" + UUID.randomUUID(),
                    org.borderwatch.support.Federation.partnerBody(org.borderwatch.support.Federation.installation(), f.agreementId()))),
            op("GET /api/v1/audit/checkpoints", Set.of(AUDITOR), false, f -> get("/api/v1/audit/checkpoints")),
            op("GET /api/v1/audit/events", Set.of(AUDITOR), false, f -> get("/api/v1/audit/events?limit=5")),
            op("GET /api/v1/audit/export", Set.of(AUDITOR), false, f -> get("/api/v1/audit/export?from=1&to=20").header("X-Access-Purpose", PURPOSE)),
            // An auditor searches the own agency's log, which includes its staff's attempts on other agencies' objects.
            op("GET /api/v1/audit/resources/{type}/{id}/access", Set.of(AUDITOR), false,
                    f -> get("/api/v1/audit/resources/REPORT/" + f.report() + "/access")),
            op("GET /api/v1/audit/signals", Set.of(AUDITOR), false, f -> get("/api/v1/audit/signals")),
            op("GET /api/v1/audit/verify", Set.of(AUDITOR), false, f -> get("/api/v1/audit/verify?from=1&to=20")),
            op("POST /api/v1/cases", Set.of(SUPERVISOR), true, f -> json("POST", "/api/v1/cases",
                    "{\"title\":\"Second case\",\"reportIds\":[\"" + f.spareReport() + "\"]}")),
            op("GET /api/v1/cases", Set.of(SUPERVISOR), false, f -> get("/api/v1/cases")),
            op("GET /api/v1/cases/{id}", Set.of(SUPERVISOR), true, f -> get("/api/v1/cases/" + f.caseId())),
            op("PATCH /api/v1/cases/{id}", Set.of(SUPERVISOR), true, f -> json("PATCH", "/api/v1/cases/" + f.caseId(),
                    "{\"summary\":\"Two couriers\"}").header("If-Match", caseETag(f))),
            op("POST /api/v1/cases/{id}/reports", Set.of(SUPERVISOR), true, f -> json("POST", "/api/v1/cases/" + f.caseId() + "/reports",
                    "{\"reportId\":\"" + f.looseReport() + "\"}").header("If-Match", caseETag(f))),
            op("DELETE /api/v1/cases/{id}/reports/{reportId}", Set.of(SUPERVISOR), true,
                    f -> new Call("DELETE", "/api/v1/cases/" + f.caseId() + "/reports/" + f.report(), null, Map.of("If-Match", caseETag(f)))),
            op("POST /api/v1/cases/{id}/shares", Set.of(SUPERVISOR, LIAISON), true, f -> json("POST", "/api/v1/cases/" + f.caseId() + "/shares",
                    Sharing.shareBody(f.parties().partner(), "H0", Sharing.REDACTED))),
            op("GET /api/v1/cases/{id}/shares", Set.of(SUPERVISOR, LIAISON), true, f -> get("/api/v1/cases/" + f.caseId() + "/shares")),
            op("GET /api/v1/cases/{id}/shares/{shareId}", Set.of(SUPERVISOR, LIAISON), true, f -> get(share(f))),
            op("GET /api/v1/cases/{id}/shares/{shareId}/deliveries", Set.of(SUPERVISOR, LIAISON), true, f -> get(share(f) + "/deliveries")),
            op("POST /api/v1/cases/{id}/shares/{shareId}/approve", Set.of(SUPERVISOR), true, f -> post("/api/v1/cases/" + f.caseId() + "/shares/" + f.pendingShareId() + "/approve")),
            op("POST /api/v1/cases/{id}/shares/{shareId}/snapshots", Set.of(SUPERVISOR, LIAISON), true, f -> post(share(f) + "/snapshots")),
            op("GET /api/v1/evidence/{id}", Set.of(OFFICER, SUPERVISOR, LIAISON), true,
                    f -> get("/api/v1/evidence/" + f.evidenceId()).header("X-Access-Purpose", PURPOSE)),
            op("GET /api/v1/evidence/{id}/metadata", Set.of(OFFICER, SUPERVISOR, LIAISON), true,
                    f -> get("/api/v1/evidence/" + f.evidenceId() + "/metadata")),
            op("GET /api/v1/evidence/{id}/custody", Set.of(SUPERVISOR, AUDITOR), true, f -> get("/api/v1/evidence/" + f.evidenceId() + "/custody")),
            op("GET /api/v1/inbox", Set.of(LIAISON), false, f -> get("/api/v1/inbox")),
            op("GET /api/v1/inbox/stream", Set.of(LIAISON), false, f -> get("/api/v1/inbox/stream").header("Accept", "text/event-stream")),
            op("GET /api/v1/inbox/{shareId}", Set.of(LIAISON), true, f -> get("/api/v1/inbox/" + f.shareId()).header("X-Access-Purpose", PURPOSE)),
            op("POST /api/v1/inbox/{shareId}/acknowledge", Set.of(LIAISON), true, f -> post("/api/v1/inbox/" + f.shareId() + "/acknowledge")),
            op("GET /api/v1/inbox/{shareId}/snapshots/{version}/signed", Set.of(LIAISON), true,
                    f -> get("/api/v1/inbox/" + f.shareId() + "/snapshots/1/signed").header("X-Access-Purpose", PURPOSE)),
            op("GET /api/v1/shares/{shareId}/messages", Set.of(SUPERVISOR, LIAISON), true, f -> get("/api/v1/shares/" + f.shareId() + "/messages")),
            op("POST /api/v1/shares/{shareId}/messages", Set.of(SUPERVISOR, LIAISON), true, f -> json("POST",
                    "/api/v1/shares/" + f.shareId() + "/messages", "{\"kind\":\"COMMENT\",\"body\":\"Noted\"}")),
            op("GET /api/v1/me/events", Set.of(OFFICER), false, f -> get("/api/v1/me/events").header("Accept", "text/event-stream")),
            op("GET /api/v1/reports", Set.of(SUPERVISOR), false, f -> get("/api/v1/reports")),
            op("POST /api/v1/reports/batch", Set.of(OFFICER), false, f -> json("POST", "/api/v1/reports/batch",
                    "{\"reports\":[{\"id\":\"" + UUID.randomUUID() + "\",\"report\":" + Reports.MINIMAL + "}]}")),
            op("GET /api/v1/reports/changes", Set.of(OFFICER, SUPERVISOR), false, f -> get("/api/v1/reports/changes")),
            op("GET /api/v1/reports/{id}", Set.of(OFFICER, SUPERVISOR), true, f -> get("/api/v1/reports/" + f.report())),
            op("PUT /api/v1/reports/{id}", Set.of(OFFICER), true, f -> json("PUT", "/api/v1/reports/" + f.submittedReport(), Reports.FULL)
                    .header("If-Match", "\"1\"")),
            op("GET /api/v1/reports/{id}/versions", Set.of(OFFICER, SUPERVISOR), true, f -> get("/api/v1/reports/" + f.report() + "/versions")),
            op("GET /api/v1/reports/{id}/history", Set.of(OFFICER, SUPERVISOR), true, f -> get("/api/v1/reports/" + f.report() + "/history")),
            op("GET /api/v1/reports/{id}/related", Set.of(SUPERVISOR), true, f -> get("/api/v1/reports/" + f.report() + "/related")),
            op("POST /api/v1/reports/{id}/decisions", Set.of(SUPERVISOR), true, f -> json("POST", "/api/v1/reports/" + f.submittedReport()
                    + "/decisions", DecisionResourceTest.VERIFY).header("If-Match", "\"1\"")),
            op("POST /api/v1/reports/{id}/evidence", Set.of(OFFICER, SUPERVISOR), true, f -> new Call("POST", "/api/v1/reports/" + f.report()
                    + "/evidence", null, Map.of("Tus-Resumable", "1.0.0", "Upload-Length", "1000",
                    "Upload-Metadata", Uploads.metadata("a.jpg", "image/jpeg", Files.sha256(new byte[1_000]))))),
            op("GET /api/v1/stats/reports", Set.of(SUPERVISOR), false, f -> get("/api/v1/stats/reports?groupBy=category")),
            op("HEAD /api/v1/uploads/{uploadId}", Set.of(OFFICER, SUPERVISOR), true, f -> tus("HEAD", f, null)),
            op("PATCH /api/v1/uploads/{uploadId}", Set.of(OFFICER, SUPERVISOR), true, f -> tus("PATCH", f, new String(new byte[10]))),
            op("POST /api/v1/uploads/{uploadId}", Set.of(OFFICER, SUPERVISOR), true,
                    f -> tus("POST", f, new String(new byte[10])).header("X-HTTP-Method-Override", "PATCH")),
            op("DELETE /api/v1/uploads/{uploadId}", Set.of(OFFICER, SUPERVISOR), true, f -> tus("DELETE", f, null)),
            // Last: a revocation ends the share the calls above use.
            op("DELETE /api/v1/cases/{id}/shares/{shareId}", Set.of(SUPERVISOR, LIAISON), true,
                    f -> new Call("DELETE", share(f) + "?reason=Matrix", null, Map.of())));

    static Operation op(String key, Set<String> roles, boolean agencyOwned, Function<Fixture, Call> call) {
        return new Operation(key, roles, agencyOwned ? roles : Set.of(), call);
    }

    static Call get(String path) {
        return new Call("GET", path, null, Map.of());
    }

    static Call post(String path) {
        return new Call("POST", path, null, Map.of());
    }

    static Call json(String method, String path, String body) {
        return new Call(method, path, body, Map.of("Content-Type", "application/json"));
    }

    static Call tus(String method, Fixture f, String body) {
        Call call = new Call(method, "/api/v1/uploads/" + f.uploadId(), body, Map.of("Tus-Resumable", "1.0.0"));
        return body == null ? call : call.header("Upload-Offset", uploadOffset(f)).header("Content-Type", "application/offset+octet-stream");
    }

    /** The case's current ETag, so that each change is judged on who makes it, not on a stale version. */
    static String caseETag(Fixture f) {
        return given().auth().oauth2(f.parties().supervisor()).when().get("/api/v1/cases/" + f.caseId()).then().statusCode(200)
                .extract().header("ETag");
    }

    static String uploadOffset(Fixture f) {
        String offset = Uploads.tus(f.parties().officer()).when().head("/api/v1/uploads/" + f.uploadId()).then().extract().header("Upload-Offset");
        return offset == null ? "0" : offset;
    }

    static String share(Fixture f) {
        return "/api/v1/cases/" + f.caseId() + "/shares/" + f.shareId();
    }

    /** Sends the call with the token; an event stream is closed as soon as its status is known. */
    static Answer send(Call call, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + call.path()))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
        call.headers().forEach(request::header);
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            return new Answer(response.statusCode(), problem ? JSON.readTree(body.readAllBytes()) : MissingNode.getInstance());
        }
    }
}
