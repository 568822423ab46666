package org.borderwatch.report.service;

import static org.borderwatch.support.Reports.FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Group commit: filings that arrive together share a transaction, each with its access record in it; a repeated id in
 * one group is told apart by content; a group that fails is filed one by one, so only the bad filing fails. One
 * transaction in flight here, so concurrent filings must group.
 */
@QuarkusTest
@TestProfile(FilingQueueTest.OneInFlight.class)
class FilingQueueTest {

    public static class OneInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("borderwatch.reports.group-commit.in-flight", "1");
        }
    }

    static final String OTHER = FULL.replace("\"1369\"", "\"1370\"");

    @Test
    void concurrentFilingsShareTransactionsAndEachHasItsAccessRecordInIt() throws Exception {
        String officer = Tokens.officer("group.officer", "VN-QN");
        List<UUID> ids = new ArrayList<>();
        List<Callable<Integer>> filings = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            filings.add(() -> Reports.put(officer, id, FULL).extract().statusCode());
        }
        assertEquals(List.of(201), run(filings).stream().distinct().toList());
        String inList = inList(ids);
        assertEquals(60, Db.count("select count(*) from report r join audit_event e on e.resource_id = r.id::text"
                + " and e.action = 'REPORT_CREATE' and e.tx = r.change_xid where r.id in " + inList));
        assertEquals(60, Db.count("select count(*) from audit_event where action = 'REPORT_CREATE' and resource_id in " + inList));
        long transactions = Db.count("select count(distinct change_xid) from report where id in " + inList);
        assertTrue(transactions < 60, "60 concurrent filings took " + transactions + " transactions: none were grouped");
    }

    @Test
    void oneIdFiledTwiceInOneGroupIsStoredOnceAndDifferentContentIsAConflict() throws Exception {
        String officer = Tokens.officer("group.officer", "VN-QN");
        UUID id = UUID.randomUUID();
        List<Callable<Integer>> filings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = i < 10 ? FULL : OTHER;
            filings.add(() -> Reports.put(officer, id, body).extract().statusCode());
        }
        List<Integer> statuses = run(filings);
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(10, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(1, Db.count("select count(*) from report where id = ?", id));
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'REPORT_CREATE' and outcome = 'ALLOWED'"
                + " and resource_id = ? and tx = (select change_xid from report where id = ?)", id.toString(), id));
    }

    @Test
    void aGroupThatFailsIsFiledOneByOneAndOnlyTheBadFilingFails() throws Exception {
        Db.tamper("""
                create or replace function refuse_poison() returns trigger language plpgsql as $$
                begin raise exception 'poisoned report'; end $$""",
                "create trigger refuse_poison before insert on report for each row when (new.border_marker = 'POISON')"
                        + " execute function refuse_poison()");
        try {
            String officer = Tokens.officer("group.officer", "VN-QN");
            List<UUID> ids = new ArrayList<>();
            List<Callable<Integer>> filings = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                String body = i == 15 ? FULL.replace("\"1369\"", "\"POISON\"") : FULL;
                filings.add(() -> Reports.put(officer, id, body).extract().statusCode());
            }
            List<Integer> statuses = run(filings);
            assertEquals(29, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertTrue(statuses.get(15) >= 500, statuses.toString());
            assertEquals(0, Db.count("select count(*) from report where id = ?", ids.get(15)));
            assertEquals(29, Db.count("select count(*) from report where id::text in " + inList(ids)));
        } finally {
            Db.tamper("drop trigger refuse_poison on report", "drop function refuse_poison()");
        }
    }

    private static String inList(List<UUID> ids) {
        return "(" + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ")";
    }

    private static List<Integer> run(List<Callable<Integer>> filings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(filings.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(filings)) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
