package org.borderwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.borderwatch.support.PackagedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A service whose console cannot reach Keycloak says so (503, retry) rather than failing with a 500. */
@QuarkusIntegrationTest
class ConsoleIdentityOutageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process service;
    private static int port;

    @BeforeAll
    static void startWithAnUnreachableKeycloak() throws Exception {
        port = PackagedApp.freePort();
        service = PackagedApp.startReady(port, "-Dquarkus.oidc.console.auth-server-url=http://127.0.0.1:9/realms/borderwatch",
                "-Dquarkus.oidc.console.connection-retry-count=0");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.destroy();
        }
    }

    @Test
    void signingInToTheConsoleWithoutKeycloakIsAnsweredAs503WithRetryAfter() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/inbox"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
        assertThat(response.body()).contains("Sign-in is unavailable").contains("lang=\"vi\"").contains("lang=\"zh\"");
    }
}
