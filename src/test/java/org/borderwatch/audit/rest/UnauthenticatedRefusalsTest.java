package org.borderwatch.audit.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderwatch.support.Db;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** Forged tokens cannot grow the access log without bound, and auditors see them (issue 13, item 15). */
@QuarkusTest
class UnauthenticatedRefusalsTest {

    static final String COUNTED = "select coalesce(sum(refusals), 0) from audit_refusal_bucket";

    @Test
    void refusalsOfForgedTokensAreCountedPerAddressAndMinuteAndEveryAuditorSeesThem() throws Exception {
        String marker = "forger-" + UUID.randomUUID();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        long countedBefore = Db.count(COUNTED);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.forged")
                        .header("User-Agent", marker).when().get("/api/v1/reports/changes").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(401, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        long rows = Db.count("select count(*) from audit_event where user_agent = ?", marker);
        assertTrue(rows <= 2, rows + " access-log rows for 200 refusals from one address");
        assertEquals(200, Db.count(COUNTED) - countedBefore, "every refusal is counted, across concurrent requests");

        for (String agency : new String[] {"VN-QN", "VN-LS"}) {
            List<Integer> counts = given().auth().oauth2(Tokens.token("auditor", "auditor", agency))
                    .queryParam("from", start.toString()).when().get("/api/v1/audit/signals").then().statusCode(200)
                    .extract().path("unauthenticatedRefusals.refusals");
            assertTrue(counts.stream().mapToInt(Integer::intValue).sum() >= 200, agency + " auditor sees " + counts);
        }
    }
}
