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
import org.borderwatch.support.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A live stream ends when the token that opened it expires; the client reconnects with a fresh token and Last-Event-ID. */
@QuarkusTest
class StreamTokenLifetimeTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/me/events", "/api/v1/inbox/stream"})
    void aStreamEndsWhenItsTokenExpires(String path) throws Exception {
        String role = path.contains("inbox") ? "liaison" : "officer";
        String token = Tokens.sign(Tokens.claims("short." + role, "VN-QN").claim("realm_access", Map.of("roles", List.of(role))).expiresIn(4));
        long started = System.nanoTime();
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Duration open = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(200, response.statusCode());
        assertTrue(open.toMillis() >= 1_500 && open.toMillis() < 15_000, "the stream was open for " + open);
    }
}
