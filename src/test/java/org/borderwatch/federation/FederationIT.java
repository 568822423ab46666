package org.borderwatch.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.borderwatch.support.Keycloak;
import org.borderwatch.support.PackagedApp;
import org.borderwatch.support.Reports;
import org.borderwatch.support.TestCa;
import org.borderwatch.vetting.rest.DecisionResourceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two sovereign installations on loopback: Quang Ninh's and Guangxi's, each with its own database, realm, signing
 * keys and federation certificate (from a test CA made here). They carry a release, its thread, receipts and a recall
 * between them over TAXII 2.1 with mutual TLS and pinned certificates, survive the partner being down, and refuse a
 * wrong certificate and an object the partner did not sign.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {

    static final String QN = "borderwatch.vn-qn";
    static final String GX = "borderwatch.cn-gx";
    static final String GX_REALM = "borderwatch-gx";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static TestCa ca;
    static Installation qn;
    static Installation gx;
    static String gxPartnerOnQn;
    static String qnPartnerOnGx;
    static UUID agreement = UUID.randomUUID();
    static String shareId;
    /** The case of each share released in the suite. */
    static final java.util.Map<String, String> CASES = new java.util.concurrent.ConcurrentHashMap<>();

    /** One installation: its processes' ports, its database and its settings, so it can be stopped and started again. */
    record Installation(String name, String database, String realm, int httpPort, int tlsPort, List<String> properties, Process[] process) {

        RequestSpecification api() {
            return given().baseUri("http://localhost").port(httpPort);
        }

        String token(String user) {
            return realm.equals("borderwatch") ? Keycloak.token(user) : Keycloak.tokenIn(realm, user);
        }

        void start(boolean clean) throws Exception {
            List<String> all = new ArrayList<>(properties);
            all.add("-Dquarkus.flyway.clean-at-start=" + clean);
            process[0] = PackagedApp.startReady(httpPort, all.toArray(String[]::new));
        }

        void stop() throws InterruptedException {
            if (process[0] != null) {
                process[0].destroy();
                process[0].waitFor();
                process[0] = null;
            }
        }
    }

    @BeforeAll
    static void twoInstallations() throws Exception {
        ca = new TestCa(Path.of("target", "federation-ca-" + UUID.randomUUID()));
        ca.issue(QN);
        ca.issue(GX);
        ca.issue("intruder");
        qn = installation(QN, "borderwatch_fed_qn", "borderwatch", List.of());
        gx = installation(GX, "borderwatch_fed_gx", GX_REALM, List.of(
                "-Dborderwatch.audit.signing-key=" + ca.signingKey("gx-audit"), "-Dborderwatch.audit.signing-key-id=borderwatch-audit-gx",
                "-Dborderwatch.sharing.snapshot-signing-key=" + ca.signingKey("gx-snapshot"),
                "-Dborderwatch.sharing.snapshot-signing-key-id=borderwatch-snapshot-gx"));
        qn.start(true);
        gx.start(true);
        for (Installation side : List.of(qn, gx)) {
            side.api().auth().oauth2(side.token("operator")).contentType(ContentType.JSON)
                            .body("{\"from\":\"VN-QN\",\"to\":\"CN-GX\",\"categories\":[\"DRUGS\"],\"maxHandlingCode\":\"H2\",\"validFrom\":\""
                                    + (Year.now().getValue() - 1) + "-01-01\",\"validTo\":\"" + (Year.now().getValue() + 1)
                                    + "-12-31\",\"reference\":\"JWC-2026/03 minutes, item 4\"}")
                    .when().put("/api/v1/agreements/" + agreement).then().statusCode(201);
        }
        gxPartnerOnQn = partner(qn, gx, keySetOf(gx));
        qnPartnerOnGx = partner(gx, qn, keySetOf(qn));
    }

    @AfterAll
    static void stopBoth() throws InterruptedException {
        if (qn != null) {
            qn.stop();
        }
        if (gx != null) {
            gx.stop();
        }
    }

    static Installation installation(String name, String database, String realm, List<String> extra) throws Exception {
        int http = PackagedApp.freePort();
        int tls = PackagedApp.freePort();
        String keycloak = System.getProperty("keycloak.url", "http://127.0.0.1:8180");
        List<String> properties = new ArrayList<>(List.of(
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + database,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "-Dquarkus.flyway.clean-disabled=false",
                "-Dquarkus.oidc.auth-server-url=" + keycloak + "/realms/" + realm,
                "-Dquarkus.oidc.console.tenant-enabled=false",
                "-Dborderwatch.audit.witness-dir=target/witness-" + name + "-" + UUID.randomUUID(),
                "-Dborderwatch.federation.installation=" + name,
                "-Dborderwatch.federation.poll-every=1s",
                "-Dborderwatch.federation.pin-refresh=1s",
                "-Dborderwatch.audit.checkpoint-every-events=5",
                "-Dborderwatch.federation.longest-backoff=PT8S",
                "-Dquarkus.http.ssl-port=" + tls,
                "-Dquarkus.http.tls-configuration-name=federation",
                "-Dquarkus.tls.federation.key-store.p12.path=" + ca.store(name).toAbsolutePath(),
                "-Dquarkus.tls.federation.key-store.p12.password=" + TestCa.password()));
        properties.addAll(extra);
        return new Installation(name, database, realm, http, tls, properties, new Process[1]);
    }

    /** The partner's published keys, as the admin would copy them from its /.well-known/jwks.json. */
    static String keySetOf(Installation side) {
        JsonPath keys = JsonPath.from(side.api().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < keys.getList("keys").size(); i++) {
            entries.add("{\"kty\":\"RSA\",\"kid\":\"" + keys.getString("keys[" + i + "].kid") + "\",\"n\":\"" + keys.getString("keys[" + i + "].n")
                    + "\",\"e\":\"" + keys.getString("keys[" + i + "].e") + "\"}");
        }
        return "{\"keys\":[" + String.join(",", entries) + "]}";
    }

    /** Configures {@code other} as a partner of {@code side}; answers the partner id. */
    static String partner(Installation side, Installation other, String keySet) throws Exception {
        String id = UUID.randomUUID().toString();
        side.api().auth().oauth2(side.token("operator")).contentType(ContentType.JSON).body(partnerBody(other, keySet))
                .when().put("/api/v1/federation/partners/" + id).then().statusCode(201);
        return id;
    }

    static String partnerBody(Installation other, String keySet) throws Exception {
        String certificate = java.nio.file.Files.readString(ca.pem(other.name()));
        return "{\"installation\":\"" + other.name() + "\",\"baseUrl\":\"https://localhost:" + other.tlsPort() + "\",\"certificate\":\""
                + certificate.replace("\r", "").replace("\n", "\\n") + "\",\"keySet\":" + keySet + ",\"agencies\":[\""
                + (other == gx ? "CN-GX" : "VN-QN") + "\"],\"agreements\":[\"" + agreement
                + "\"],\"recallDeadline\":\"PT1M\"}";
    }

    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + PATIENCE + ": " + what);
    }

    /** Quang Ninh releases a case to Guangxi under the agreement; answers the share id. */
    static String release(String title) {
        String supervisor = qn.token("supervisor.qn");
        UUID filed = UUID.randomUUID();
        qn.api().auth().oauth2(qn.token("officer.qn")).contentType(ContentType.JSON).body(Reports.FULL)
                .when().put("/api/v1/reports/" + filed).then().statusCode(201);
        qn.api().auth().oauth2(supervisor).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(DecisionResourceTest.VERIFY)
                .when().post("/api/v1/reports/" + filed + "/decisions").then().statusCode(200);
        String caseId = qn.api().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"reportIds\":[\"" + filed + "\"]}")
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String share = qn.api().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"toAgency\":\"CN-GX\",\"handlingCode\":\"H1\",\"purpose\":\"Joint investigation of the Bac Luan II route\","
                        + "\"expiresAt\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\","
                        + "\"redaction\":{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[]}}")
                .when().post("/api/v1/cases/" + caseId + "/shares").then().statusCode(201).body("status", equalTo("ACTIVE")).extract().path("id");
        CASES.put(share, caseId);
        return share;
    }

    static JsonPath gxInbox() {
        return JsonPath.from(gx.api().auth().oauth2(gx.token("liaison.gx")).when().get("/api/v1/inbox").then().statusCode(200).extract().asString());
    }

    static JsonPath deliveries(String share, String caseFile) {
        return JsonPath.from(qn.api().auth().oauth2(qn.token("supervisor.qn")).when()
                .get("/api/v1/cases/" + caseFile + "/shares/" + share + "/deliveries").then().statusCode(200).extract().asString());
    }

    @Test
    @Order(1)
    void aReleaseFromQuangNinhIsReadByAGuangxiLiaisonOnGuangxisInstallationRedactedByTheSender() throws Exception {
        shareId = release("Meth at Bac Luan II");
        eventually("the release reaches Guangxi's inbox", () -> gxInbox().getList("items.id").contains(shareId));
        gx.api().auth().oauth2(gx.token("liaison.gx")).when().get("/api/v1/inbox").then()
                .body("items.find { it.id == '" + shareId + "' }.origin", equalTo(QN))
                .body("items.find { it.id == '" + shareId + "' }.fromAgency", equalTo("VN-QN"));
        gx.api().auth().oauth2(gx.token("liaison.gx")).header("X-Access-Purpose", "Planning the joint patrol")
                .when().get("/api/v1/inbox/" + shareId).then().statusCode(200)
                .body("snapshots[0].content.reports[0].vehicles[0].plate", equalTo("[redacted]"))
                .body("snapshots[0].content.reports[0].exactLocation", equalTo(false))
                .body("snapshots[0].content.title", equalTo("Meth at Bac Luan II"));
        // Guangxi's own log records the read, by Guangxi's liaison, on Guangxi's installation
        gx.api().auth().oauth2(gx.token("auditor")).queryParam("resourceId", shareId).when().get("/api/v1/audit/events").then().statusCode(200)
                .body("items.action", hasItem("SHARE_READ"));
    }

    @Test
    @Order(2)
    void aRequestForInformationFromGuangxiIsAnsweredInQuangNinhAndEverythingIsReceipted() throws Exception {
        String liaison = gx.token("liaison.gx");
        gx.api().auth().oauth2(liaison).contentType(ContentType.JSON)
                .body("{\"kind\":\"REQUEST_FOR_INFORMATION\",\"body\":\"Which lane?\",\"dueAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .when().post("/api/v1/shares/" + shareId + "/messages").then().statusCode(201);
        String qnLiaison = qn.token("liaison.qn");
        eventually("the request reaches Quang Ninh", () -> JsonPath.from(qn.api().auth().oauth2(qnLiaison).when()
                .get("/api/v1/shares/" + shareId + "/messages").then().statusCode(200).extract().asString()).getList("items.body").contains("Which lane?"));
        String request = qn.api().auth().oauth2(qnLiaison).when().get("/api/v1/shares/" + shareId + "/messages").then()
                .extract().path("items.find { it.body == 'Which lane?' }.id");
        qn.api().auth().oauth2(qnLiaison).contentType(ContentType.JSON)
                .body("{\"kind\":\"RESPONSE\",\"body\":\"Lane 2, after midnight\",\"answers\":\"" + request + "\"}")
                .when().post("/api/v1/shares/" + shareId + "/messages").then().statusCode(201);
        eventually("the answer reaches Guangxi", () -> JsonPath.from(gx.api().auth().oauth2(liaison).when()
                .get("/api/v1/shares/" + shareId + "/messages").then().statusCode(200).extract().asString())
                .getList("items.body").contains("Lane 2, after midnight"));
        eventually("every object Quang Ninh published about the share is receipted", () -> {
            JsonPath delivered = deliveries(shareId, CASES.get(shareId));
            return delivered.getList("items").size() >= 2 && delivered.getList("items.receiptedAt").stream().allMatch(java.util.Objects::nonNull);
        });
        qn.api().auth().oauth2(qn.token("admin")).when().get("/api/v1/federation/partners/" + gxPartnerOnQn + "/status").then().statusCode(200)
                .body("installation", equalTo(GX)).body("refused", equalTo(0)).body("overdueRecalls", equalTo(0));
    }

    @Test
    @Order(3)
    void aPartnerDownForAWhileCatchesUpWithoutLossOrDuplicates() throws Exception {
        gx.stop();
        String first = release("Counterfeit notes at Mong Cai");
        String second = release("Counterfeit notes at Mong Cai, second courier");
        // a minute down: Quang Ninh's poller of Guangxi fails meanwhile and backs off; nothing it published is lost
        Thread.sleep(60_000);
        qn.api().auth().oauth2(qn.token("operator")).when().get("/api/v1/federation/partners/" + gxPartnerOnQn + "/status").then()
                .statusCode(200).body("failures", org.hamcrest.Matchers.greaterThan(0));
        gx.start(false);
        eventually("both releases made while Guangxi was down arrive", () -> {
            List<String> ids = gxInbox().getList("items.id");
            return ids.contains(first) && ids.contains(second);
        });
        List<String> ids = gxInbox().getList("items.id");
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no share twice in the inbox: " + ids);
        assertEquals(3, ids.size(), "exactly the three releases so far: " + ids);
    }

    @Test
    @Order(4)
    void aRecallIsWithdrawnOnTheFarSideAndReceipted() throws Exception {
        qn.api().auth().oauth2(qn.token("supervisor.qn")).when().delete("/api/v1/cases/" + CASES.get(shareId) + "/shares/" + shareId + "?reason=Operation compromised")
                .then().statusCode(200);
        eventually("Guangxi withdraws the recalled share", () -> "REVOKED".equals(gxInbox().getString("items.find { it.id == '" + shareId + "' }.status")));
        gx.api().auth().oauth2(gx.token("liaison.gx")).header("X-Access-Purpose", "Planning the joint patrol")
                .when().get("/api/v1/inbox/" + shareId).then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("snapshots", org.hamcrest.Matchers.nullValue());
        eventually("the recall is receipted", () -> deliveries(shareId, CASES.get(shareId)).getList("items.receiptedAt").stream().allMatch(java.util.Objects::nonNull));
    }

    @Test
    @Order(5)
    void onlyThePinnedPartnerCertificateGetsThroughAndTaxiiIsNotServedWithoutIt() throws Exception {
        String discovery = "https://localhost:" + qn.tlsPort() + "/taxii2/";
        HttpResponse<String> partner = client(GX).send(HttpRequest.newBuilder(URI.create(discovery))
                .header("Accept", "application/taxii+json;version=2.1").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, partner.statusCode(), partner.body());
        assertTrue(partner.headers().firstValue("Content-Type").orElse("").startsWith("application/taxii+json"), partner.headers().toString());
        assertEquals("https://localhost:" + qn.tlsPort() + "/taxii2/borderwatch/", JsonPath.from(partner.body()).getString("default"));
        String collection = "https://localhost:" + qn.tlsPort() + "/taxii2/borderwatch/collections/"
                + org.borderwatch.federation.service.TaxiiCollections.collectionOf(GX) + "/";
        HttpResponse<String> manifest = client(GX).send(HttpRequest.newBuilder(URI.create(collection + "manifest/?limit=2"))
                .header("Accept", "application/taxii+json;version=2.1").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, manifest.statusCode(), manifest.body());
        JsonPath listed = JsonPath.from(manifest.body());
        assertEquals(2, listed.getList("objects").size());
        assertTrue(listed.getBoolean("more"));
        HttpResponse<String> next = client(GX).send(HttpRequest.newBuilder(URI.create(collection + "objects/?limit=2&next=" + listed.getString("next")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(!JsonPath.from(next.body()).getList("objects.id").contains(listed.getString("objects[0].id")), "next continues after the page");
        HttpResponse<String> bad = client(GX).send(HttpRequest.newBuilder(URI.create(collection + "objects/?added_after=yesterday")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("added_after"), bad.body());
        HttpResponse<String> objects = client(GX).send(HttpRequest.newBuilder(URI.create("https://localhost:" + qn.tlsPort()
                + "/taxii2/borderwatch/collections/" + UUID.randomUUID() + "/objects/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, objects.statusCode(), "another collection than its own is not found: " + objects.body());
        assertThrows(java.io.IOException.class, () -> client("intruder").send(HttpRequest.newBuilder(URI.create(discovery)).build(),
                HttpResponse.BodyHandlers.ofString()), "a certificate of the same CA that no agreement pins is refused in the handshake");
        qn.api().when().get("/taxii2/").then().statusCode(404);
        HttpResponse<String> apiOverTls = client(GX).send(HttpRequest.newBuilder(URI.create("https://localhost:" + qn.tlsPort() + "/api/v1/inbox"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, apiOverTls.statusCode(), "the federation port serves TAXII only");
    }

    @Test
    @Order(6)
    void anObjectSignedByAKeyTheAgreementDoesNotNameIsRefusedAndTheFeedResumesOnceTheKeysAreRight() throws Exception {
        String other = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"not-quang-ninh\",\"n\":\"" + JsonPath.from(keySetOf(gx)).getString("keys[0].n")
                + "\",\"e\":\"AQAB\"}]}";
        String etag = gx.api().auth().oauth2(gx.token("operator")).when().get("/api/v1/federation/partners/" + qnPartnerOnGx).then().statusCode(200)
                .extract().header("ETag");
        gx.api().auth().oauth2(gx.token("operator")).contentType(ContentType.JSON).header("If-Match", etag).body(partnerBody(qn, other))
                .when().put("/api/v1/federation/partners/" + qnPartnerOnGx).then().statusCode(200);
        String third = release("Heroin at Tra Linh");
        eventually("Guangxi refuses what it cannot verify", () -> gx.api().auth().oauth2(gx.token("operator")).when()
                .get("/api/v1/federation/partners/" + qnPartnerOnGx + "/status").then().extract().<Integer>path("refused") > 0);
        gx.api().auth().oauth2(gx.token("operator")).when().get("/api/v1/federation/partners/" + qnPartnerOnGx + "/status").then()
                .body("lastError", org.hamcrest.Matchers.containsString("UNKNOWN_KEY"));
        assertTrue(!gxInbox().getList("items.id").contains(third), "nothing unverified reaches the inbox");
        String current = gx.api().auth().oauth2(gx.token("operator")).when().get("/api/v1/federation/partners/" + qnPartnerOnGx).then()
                .extract().header("ETag");
        gx.api().auth().oauth2(gx.token("operator")).contentType(ContentType.JSON).header("If-Match", current).body(partnerBody(qn, keySetOf(qn)))
                .when().put("/api/v1/federation/partners/" + qnPartnerOnGx).then().statusCode(200);
        eventually("with the right keys the refused release arrives", () -> gxInbox().getList("items.id").contains(third));
    }

    @Test
    @Order(7)
    void eachSidesAccessLogIsWitnessedAndCosignedByTheOther() throws Exception {
        eventually("Guangxi witnesses Quang Ninh's checkpoints and Quang Ninh holds Guangxi's cosignature", () -> {
            JsonPath onQn = status(qn, gxPartnerOnQn);
            JsonPath onGx = status(gx, qnPartnerOnGx);
            return onQn.getLong("cosignedCheckpoint") >= 1 && onGx.getLong("witnessedCheckpoint") >= 1 && onGx.getLong("cosignedCheckpoint") >= 1
                    && onQn.getLong("witnessedCheckpoint") >= 1;
        });
        assertEquals(0, status(qn, gxPartnerOnQn).getLong("contradictions"));
    }

    /**
     * An insider at Quang Ninh with the audit key rewrites the log and signs checkpoint 1 again over another chain: the
     * witness in Guangxi refuses it, and the refusal reaches Quang Ninh's auditors.
     */
    @Test
    @Order(8)
    void aRewrittenLogIsRefusedByTheWitnessAndRaisedToBothSidesAuditors() throws Exception {
        org.borderwatch.security.ServiceSigner insider = new org.borderwatch.security.ServiceSigner(
                java.util.Optional.of("src/test/resources/keys/audit-dev-private.pem"), "borderwatch-audit-1", java.util.Optional.empty(),
                java.util.Optional.of("src/test/resources/keys/snapshot-dev-private.pem"), "borderwatch-snapshot-1", java.util.Optional.empty(), false);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + qn.database(), "borderwatch",
                "borderwatch")) {
            String original;
            try (var query = db.prepareStatement("select jws from audit_checkpoint where number = 1"); var row = query.executeQuery()) {
                assertTrue(row.next(), "Quang Ninh has signed checkpoint 1");
                original = row.getString(1);
            }
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            java.util.Map<String, Object> claims = json.readValue(java.util.Base64.getUrlDecoder().decode(original.split("\\.")[1]),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { });
            claims.put("lastHash", "f".repeat(64));
            String forged = insider.signCheckpoint(claims);
            org.borderwatch.federation.service.StixRelease stix = new org.borderwatch.federation.service.StixRelease(json);
            com.fasterxml.jackson.databind.node.ObjectNode object = stix.checkpoint(QN, 1, ((Number) claims.get("lastPosition")).longValue(),
                    "f".repeat(64), forged, Instant.now());
            byte[] canonical = org.borderwatch.federation.service.Canonical.bytes(object);
            try (var insert = db.prepareStatement("insert into federation_object (partner_id, stix_id, stix_type, modified, date_added, object, jws, "
                    + "sha256) values (?::uuid, ?, ?, ?, clock_timestamp() + interval '1 second', ?, ?, ?)")) {
                insert.setString(1, gxPartnerOnQn);
                insert.setString(2, object.path("id").asText());
                insert.setString(3, object.path("type").asText());
                insert.setString(4, object.path("modified").asText());
                insert.setString(5, new String(canonical, java.nio.charset.StandardCharsets.UTF_8));
                insert.setString(6, org.borderwatch.federation.service.SignedObjects.sign(insider, object));
                insert.setString(7, org.borderwatch.federation.service.Canonical.sha256(canonical));
                assertEquals(1, insert.executeUpdate());
            }
        }
        eventually("Guangxi's witness refuses the rewritten checkpoint", () -> String.valueOf(status(gx, qnPartnerOnGx).getString("lastError"))
                .contains("contradicts"));
        eventually("Quang Ninh learns of the contradiction", () -> status(qn, gxPartnerOnQn).getLong("contradictions") >= 1);
        qn.api().auth().oauth2(qn.token("auditor")).queryParam("action", "FEDERATION_CONTRADICTION").when().get("/api/v1/audit/events").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        gx.api().auth().oauth2(gx.token("auditor")).queryParam("action", "FEDERATION_REFUSE").when().get("/api/v1/audit/events").then()
                .statusCode(200).body("items.reason", hasItem(org.hamcrest.Matchers.containsString("contradicts")));
    }

    static JsonPath status(Installation side, String partner) {
        return JsonPath.from(side.api().auth().oauth2(side.token("operator")).when().get("/api/v1/federation/partners/" + partner + "/status")
                .then().statusCode(200).extract().asString());
    }

    /** An HTTP client presenting the named key store's certificate and trusting whatever the server presents. */
    static HttpClient client(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(ca.store(name))) {
            store.load(in, TestCa.password().toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, TestCa.password().toCharArray());
        TrustManager[] any = {new X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }};
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), any, null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
