package org.borderwatch.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.borderwatch.support.Files;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Uploads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SSRF (OWASP API7): the service never fetches a URL a client gives. A listener stands in for an internal target;
 * its address is sent in every free-text field, in upload metadata and in headers proxies trust. The listener must
 * see no request at all. (Key URLs in forged tokens, jku and x5u, are tried against the real Keycloak in
 * ProductionHardeningIT: only there does the service fetch keys.)
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
        given().auth().oauth2(Sharing.OPERATOR).contentType(ContentType.JSON)
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
}
