package org.borderwatch.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.net.InetSocketAddress;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.borderwatch.support.Files;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Tokens;
import org.borderwatch.support.Uploads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SSRF (OWASP API7): the service never fetches a URL a client gives. A listener stands in for an internal target;
 * its address is sent in every free-text field, in upload metadata, in headers proxies trust, and as the key URL
 * (jku, x5u) of a forged token. The listener must see no request at all.
 */
@QuarkusTest
class SsrfTest {

    private HttpServer target;
    private final List<String> fetched = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeEach
    void startTarget() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/", exchange -> {
            fetched.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        target.start();
        url = "http://127.0.0.1:" + target.getAddress().getPort() + "/internal";
    }

    @AfterEach
    void stopTarget() {
        target.stop(0);
    }

    @Test
    void urlsInBodiesMetadataAndHeadersAreNeverFetched() throws Exception {
        AccessMatrix.Fixture f = AccessMatrix.Fixture.create();
        Sharing.Parties p = f.parties();
        String report = Reports.FULL.replace("Hai đối tượng vận chuyển ma túy qua sông", "See " + url + "/photo.jpg")
                .replace("android-7f3a", url);
        assertEquals(201, Reports.put(p.officer(), UUID.randomUUID(), report).extract().statusCode());
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON)
                .body("{\"title\":\"" + url + "\",\"summary\":\"" + url + "/x\",\"reportIds\":[\"" + f.spareReport() + "\"]}")
                .when().post("/api/v1/cases").then().statusCode(201);
        given().auth().oauth2(p.supervisor()).contentType(ContentType.JSON).body("{\"kind\":\"COMMENT\",\"body\":\"" + url + "\"}")
                .when().post("/api/v1/shares/" + f.shareId() + "/messages").then().statusCode(201);
        given().auth().oauth2(Sharing.ADMIN).contentType(ContentType.JSON)
                .body(Sharing.agreementBody(p.owner(), p.third(), "\"DRUGS\"", "H0", "2026-01-01", "2027-12-31").replace("JWC-2026/03 minutes, item 4", url))
                .when().put("/api/v1/agreements/" + UUID.randomUUID()).then().statusCode(201);
        Uploads.create(p.officer(), f.report(), 1_000, Uploads.metadata(url + "/a.jpg", "image/jpeg", url)).statusCode(400);
        Uploads.create(p.officer(), f.report(), 1_000, Uploads.metadata(url, "image/jpeg", Files.sha256(new byte[1_000]))).statusCode(201);
        given().auth().oauth2(p.supervisor()).header("X-Forwarded-Host", "127.0.0.1:" + target.getAddress().getPort())
                .header("Forwarded", "host=127.0.0.1:" + target.getAddress().getPort()).header("Referer", url).header("Origin", url)
                .header("X-Original-URL", url).header("X-Rewrite-URL", url)
                .when().get("/api/v1/cases/" + f.caseId()).then().statusCode(200);
        given().auth().oauth2(p.supervisor()).queryParam("cursor", url).when().get("/api/v1/reports").then().statusCode(400);
        Thread.sleep(500);
        assertTrue(fetched.isEmpty(), "the service fetched " + fetched);
    }

    @Test
    void aTokenNamingItsOwnKeyUrlIsRefusedWithoutFetchingIt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey attackerKey = generator.generateKeyPair().getPrivate();
        for (String header : new String[] {"jku", "x5u"}) {
            String forged = Tokens.claims("intruder", "VN-QN").claim("realm_access", java.util.Map.of("roles", List.of("auditor")))
                    .jws().keyId("attacker").header(header, url + "/keys").sign(attackerKey);
            given().auth().oauth2(forged).when().get("/api/v1/audit/events").then().statusCode(401);
        }
        Thread.sleep(500);
        assertTrue(fetched.isEmpty(), "the service fetched " + fetched);
    }
}
