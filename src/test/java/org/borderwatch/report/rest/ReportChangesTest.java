package org.borderwatch.report.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.borderwatch.support.Reports.MINIMAL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** The offline-sync feed: what changed after a cursor, never skipping a change. */
@QuarkusTest
class ReportChangesTest {

    @Test
    void anOfficerSeesOwnReportsInOrderAndThenNothingNew() {
        String officer = Tokens.officer("feed-" + UUID.randomUUID(), "VN-QN");
        Reports.filed(Tokens.officer("someone-else", "VN-QN"), FULL);
        UUID first = Reports.filed(officer, FULL);
        UUID second = Reports.filed(officer, MINIMAL);
        Feed page = Feed.read(officer, null, 50);
        assertEquals(List.of(first.toString(), second.toString()), page.ids);
        Feed next = Feed.read(officer, page.cursor, 50);
        assertTrue(next.ids.isEmpty());
        assertEquals(page.cursor, next.cursor);
    }

    @Test
    void pagesFollowTheCursor() {
        String officer = Tokens.officer("feed-" + UUID.randomUUID(), "VN-QN");
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(Reports.filed(officer, MINIMAL).toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 3; i++) {
            Feed page = Feed.read(officer, cursor, 2);
            seen.addAll(page.ids);
            cursor = page.cursor;
        }
        assertEquals(filed, seen);
    }

    @Test
    void aStatusChangeBringsTheReportBack() throws InterruptedException {
        String officer = Tokens.officer("feed-" + UUID.randomUUID(), "VN-QN");
        UUID id = Reports.filed(officer, FULL);
        Feed page = Feed.read(officer, null, 50);
        Db.update("update report set status = 'NEEDS_INFO' where id = ?", id);
        Feed after = Feed.untilSeen(officer, page.cursor, id.toString());
        assertEquals(List.of(id.toString()), after.ids);
        assertEquals("NEEDS_INFO", after.json.getString("items[0].status"));
    }

    /**
     * Transaction A starts writing first but commits last; B is filed through the API and commits
     * first. A feed ordered by commit-blind sequence numbers would hand out B's position and then skip A.
     */
    @Test
    void noChangeIsSkippedWhenTransactionsCommitOutOfOrder() throws Exception {
        String name = "feed-" + UUID.randomUUID();
        String officer = Tokens.officer(name, "VN-QN");
        String start = Feed.read(officer, null, 50).cursor;
        UUID a = UUID.randomUUID();
        Set<String> delivered = new LinkedHashSet<>();
        String cursor;
        try (Connection slow = Db.connect()) {
            slow.setAutoCommit(false);
            insertDirectly(slow, a, Tokens.subject(name));
            UUID b = Reports.filed(officer, MINIMAL);
            Feed whileOpen = Feed.read(officer, start, 50);
            delivered.addAll(whileOpen.ids);
            cursor = whileOpen.cursor;
            slow.commit();
            Feed afterCommit = Feed.untilSeen(officer, cursor, a.toString());
            delivered.addAll(afterCommit.ids);
            Feed rest = Feed.untilSeen(officer, start, b.toString());
            assertTrue(rest.ids.contains(b.toString()));
        }
        assertTrue(delivered.contains(a.toString()), "the late-committing report was skipped: " + delivered);
    }

    @Test
    void aSupervisorSeesTheWholeAgencyAndOnlyIt() {
        UUID mine = Reports.filed(Tokens.officer("officer.qn", "VN-QN"), FULL);
        UUID foreign = Reports.filed(Tokens.officer("officer.ls", "VN-LS"), FULL);
        String supervisor = Tokens.token("supervisor.qn", "supervisor", "VN-QN");
        List<String> all = new ArrayList<>();
        String cursor = null;
        while (true) {
            Feed page = Feed.read(supervisor, cursor, 200);
            all.addAll(page.ids);
            if (page.ids.isEmpty()) {
                break;
            }
            cursor = page.cursor;
        }
        assertTrue(all.contains(mine.toString()));
        assertTrue(!all.contains(foreign.toString()));
    }

    @Test
    void badCursorsAndLimitsAre400() {
        String officer = Tokens.officer("officer.qn", "VN-QN");
        given().auth().oauth2(officer).queryParam("cursor", "garbage!").when().get("/api/v1/reports/changes")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().auth().oauth2(officer).queryParam("limit", 201).when().get("/api/v1/reports/changes")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().auth().oauth2(officer).queryParam("limit", "ten").when().get("/api/v1/reports/changes")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().auth().oauth2(officer).queryParam("limit", 0).when().get("/api/v1/reports/changes")
                .then().statusCode(400);
    }

    @Test
    void liaisonsCannotUseTheFeed() {
        given().auth().oauth2(Tokens.token("liaison.qn", "liaison", "VN-QN")).when().get("/api/v1/reports/changes")
                .then().statusCode(403);
    }

    private static void insertDirectly(Connection connection, UUID id, String reporter) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into report (id, agency, reporter, status, category, occurred_at, lat, lon, content, origin_hash,
                                    version, received_at, updated_at)
                values (?, 'VN-QN', ?, 'SUBMITTED', 'OTHER', now(), 21.5, 107.9,
                        '{"category":"OTHER","occurredAt":"2026-11-20T00:00:00Z","location":{"lat":21.5,"lon":107.9}}', 'x', 1, now(), now())
                """)) {
            insert.setObject(1, id);
            insert.setString(2, reporter);
            insert.executeUpdate();
        }
    }

    record Feed(List<String> ids, String cursor, JsonPath json) {

        static Feed read(String token, String cursor, int limit) {
            var request = given().auth().oauth2(token).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath json = request.when().get("/api/v1/reports/changes")
                    .then().statusCode(200).body("nextCursor", notNullValue()).extract().jsonPath();
            return new Feed(json.getList("items.id", String.class), json.getString("nextCursor"), json);
        }

        /** Reads from the cursor until the report shows up; other transactions on the server may hold the feed back briefly. */
        static Feed untilSeen(String token, String cursor, String id) throws InterruptedException {
            Feed page = read(token, cursor, 200);
            for (int i = 0; i < 50 && !page.ids.contains(id); i++) {
                Thread.sleep(100);
                page = read(token, cursor, 200);
            }
            return page;
        }
    }
}
