package org.borderwatch.audit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.borderwatch.support.Db;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client that leaves a stream at once (a phone losing signal) still leaves its access record behind. All three
 * cases lost their record before the recording was shielded from cancellation (common/Completing).
 */
@QuarkusTest
class AbandonedStreamsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/api/v1/me/events, officer, REPORT_EVENTS_SUBSCRIBE",
        "/api/v1/inbox/stream, liaison, SHARE_SUBSCRIBE",
        "/api/v1/audit/export?from=1&to=20, auditor, AUDIT_EXPORT"})
    void theAccessIsRecordedOnceEvenWhenTheClientLeavesImmediately(String path, String role, String action) throws Exception {
        String name = "leaver-" + role + "-" + System.nanoTime();
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                    .header("Authorization", "Bearer " + Tokens.token(name, role, "VN-QN"))
                    .header("X-Access-Purpose", "Quarterly review of access").build();
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            response.body().close();
        }
        assertEquals(5, recorded(name, action), path + ": every opened stream is in the access log");
    }

    static long recorded(String name, String action) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long count;
        do {
            Thread.sleep(100);
            count = Db.count("select count(*) from audit_event where subject = ? and action::text = ? and outcome = 'ALLOWED'",
                    Tokens.subject(name), action);
        } while (count < 5 && System.nanoTime() < deadline);
        return count;
    }
}
