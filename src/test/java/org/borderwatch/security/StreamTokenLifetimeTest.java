package org.borderwatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Sse;
import org.borderwatch.support.Tokens;
import org.borderwatch.vetting.rest.DecisionResourceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A live stream ends when the token that opened it expires; the client reconnects with a fresh token and Last-Event-ID. */
@QuarkusTest
class StreamTokenLifetimeTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String shortToken(String name, String role, int seconds) {
        return Tokens.sign(Tokens.claims(name, "VN-QN").claim("realm_access", Map.of("roles", List.of(role))).expiresIn(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/me/events", "/api/v1/inbox/stream"})
    void aStreamEndsWhenItsTokenExpires(String path) throws Exception {
        String role = path.contains("inbox") ? "liaison" : "officer";
        long started = System.nanoTime();
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + shortToken("short." + role, role, 4)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        Duration open = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(200, response.statusCode());
        assertTrue(open.toMillis() >= 1_500 && open.toMillis() < 15_000, "the stream was open for " + open);
    }

    @Test
    void untilItsTokenExpiresTheStreamDeliversThenItEndsAndAFreshTokenResumes() throws Exception {
        String name = "short-live-" + UUID.randomUUID();
        UUID first = Reports.filed(Tokens.officer(name, "VN-QN"), Reports.FULL);
        UUID second = Reports.filed(Tokens.officer(name, "VN-QN"), Reports.FULL);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Void>> stream = HTTP.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/v1/me/events"))
                .header("Authorization", "Bearer " + shortToken(name, "officer", 5)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
                    response.body().forEach(lines::add);
                    return null;
                });
        Thread.sleep(500);
        String supervisor = Tokens.token("supervisor.qn", "supervisor", "VN-QN");
        DecisionResourceTest.decide(supervisor, first, "\"1\"", DecisionResourceTest.VERIFY).statusCode(200);
        assertTrue(Sse.waitFor(lines, first.toString()), "nothing arrived before the token expired: " + lines);
        stream.get(20, TimeUnit.SECONDS);
        DecisionResourceTest.decide(supervisor, second, "\"1\"", DecisionResourceTest.REJECT).statusCode(200);
        String lastId = lines.stream().filter(line -> line.startsWith("id:")).reduce((a, b) -> b).orElseThrow().substring(3).trim();
        List<String> resumed = Sse.listen("/api/v1/me/events", Tokens.officer(name, "VN-QN"), lastId);
        assertTrue(Sse.waitFor(resumed, second.toString()), "a fresh token did not resume with what was missed: " + resumed);
    }
}
