package org.borderwatch.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import org.borderwatch.support.Keycloak;
import org.junit.jupiter.api.Test;

/**
 * Security misconfiguration (OWASP API8) of the packaged application in production mode: no development endpoints,
 * no stack traces or class names in errors, the security headers, no CORS grant, TRACE refused, HTTP/1.1 only; and
 * a forged token naming its own key URL (jku, x5u) is refused without that URL being fetched (SSRF, API7).
 */
@QuarkusIntegrationTest
class ProductionHardeningIT {

    @Test
    void noDevelopmentEndpointsAreServed() {
        for (String path : new String[] {"/q/dev", "/q/dev-ui", "/q/dev-ui/configuration-form-editor", "/q/swagger-ui", "/q/arc",
                "/q/arc/beans", "/q/info"}) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void errorsCarryNoInternals() {
        String officer = Keycloak.token("officer.qn");
        for (String body : new String[] {"{\"category\":", "{\"category\":\"DRUGS\",\"location\":{\"lat\":\"north\"}}", "[1,2,3]",
                "{\"category\":\"" + "[".repeat(5_000) + "\"}", "\u0000"}) {
            given().auth().oauth2(officer).contentType("application/json").body(body)
                    .when().put("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body(not(containsString("org.borderwatch"))).body(not(containsString("Exception")))
                    .body(not(containsString("jackson"))).body(not(containsString("\tat ")));
        }
    }

    @Test
    void answersCarryTheSecurityHeadersAndNoCorsGrant() {
        given().header("Origin", "https://evil.example").when().get("/api/v1/reports/changes").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Access-Control-Allow-Origin", nullValue()).header("WWW-Authenticate", equalTo("Bearer"));
        given().auth().oauth2(Keycloak.token("officer.qn")).when().request("TRACE", "/api/v1/reports/changes").then().statusCode(405);
    }

    @Test
    void onlyHttp11IsSpoken() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> probe = h2.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_1_1, probe.version());
    }

    @Test
    void aForgedTokenNamingItsOwnKeyUrlIsRefusedWithoutFetchingIt() throws Exception {
        List<String> fetched = new CopyOnWriteArrayList<>();
        HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keys.createContext("/", exchange -> {
            fetched.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        keys.start();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey attackerKey = generator.generateKeyPair().getPrivate();
            String issuer = Keycloak.issuer();
            for (String header : new String[] {"jku", "x5u"}) {
                String forged = Jwt.issuer(issuer).audience("borderwatch-api").subject("intruder").claim("agency", "VN-QN")
                        .claim("realm_access", Map.of("roles", List.of("auditor"))).expiresIn(300)
                        .jws().keyId("attacker-" + header).header(header, "http://127.0.0.1:" + keys.getAddress().getPort() + "/keys")
                        .sign(attackerKey);
                given().auth().oauth2(forged).when().get("/api/v1/audit/events").then().statusCode(401);
            }
            Thread.sleep(500);
            assertTrue(fetched.isEmpty(), "the service fetched " + fetched);
            given().auth().oauth2("not-a-jwt-at-all").when().get("/api/v1/audit/events").then().statusCode(401);
            assertTrue(!Files.readString(Path.of("target/quarkus.log")).contains("/token/introspect"),
                    "a forged or opaque token made the service ask Keycloak to introspect it");
        } finally {
            keys.stop(0);
        }
    }
}
