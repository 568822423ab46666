package org.borderwatch.report.rest;

import static org.borderwatch.support.Reports.FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.RepeatedTest;

/** A phone retrying the same report many times at once still makes exactly one report. */
@QuarkusTest
class ReportIdempotencyTest {

    static final String OFFICER = Tokens.officer("officer.qn", "VN-QN");

    @RepeatedTest(3)
    void twentySimultaneousPutsOfOneNewIdGiveOne201AndNineteen200() throws Exception {
        UUID id = Reports.newId();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return Reports.put(OFFICER, id, FULL).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(Map.of(201, 1L, 200, 19L), byStatus);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Db.count("select count(*) from report where id = ?", id));
        assertEquals(20, Db.count("select count(*) from audit_event where resource_id = ? and action = 'REPORT_CREATE'", id.toString()));
    }
}
