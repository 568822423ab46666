package org.borderwatch.report.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.report.Report;
import org.borderwatch.report.repository.ReportBatchWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Group commit of new reports. A one-row transaction waits for its WAL flush, and the flush, not the CPU, bounds
 * filing: so filings that arrive while earlier ones are committing wait in a queue and go together, reports and their
 * access records in one transaction and one round trip each. Every filing is answered only after the commit of the
 * transaction that holds it. At most {@code in-flight} such transactions run at once; with fewer waiting, a filing
 * goes at once (no timer, so no added latency when the service is quiet). A group whose transaction fails is filed
 * again one filing per transaction, so only a filing that fails alone is answered with its failure.
 */
@ApplicationScoped
public class FilingQueue {

    private static final Logger LOG = Logger.getLogger(FilingQueue.class);

    /** What became of one filing. */
    public enum Outcome {
        /** Inserted, with its access record, and committed. */
        INSERTED,
        /** Not inserted: a report with this id existed already (or came earlier in the same group). */
        EXISTS
    }

    private record Waiting(Report report, AuditEvent record, Context context, UniEmitter<? super Outcome> answer) {

        void answer(Outcome outcome) {
            onContext(() -> answer.complete(outcome));
        }

        void fail(Throwable failure) {
            onContext(() -> answer.fail(failure));
        }

        private void onContext(Runnable task) {
            if (context == null) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        }
    }

    private final Pool pool;
    private final ReportBatchWriter writer;
    private final AuditRecorder audit;
    private final int maxGroup;
    private final int maxInFlight;
    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    public FilingQueue(Pool pool, ReportBatchWriter writer, AuditRecorder audit,
                       @ConfigProperty(name = "borderwatch.reports.group-commit.max-reports") int maxGroup,
                       @ConfigProperty(name = "borderwatch.reports.group-commit.in-flight") int maxInFlight) {
        this.pool = pool;
        this.writer = writer;
        this.audit = audit;
        this.maxGroup = maxGroup;
        this.maxInFlight = maxInFlight;
    }

    /** Files the report with its access record; the outcome arrives after the commit (on the caller's context). */
    public Uni<Outcome> file(Report report, AuditEvent record) {
        return Uni.createFrom().emitter(answer -> {
            waiting.add(new Waiting(report, record, Vertx.currentContext(), answer));
            drain();
        });
    }

    private void drain() {
        while (!waiting.isEmpty()) {
            int running = inFlight.get();
            if (running >= maxInFlight) {
                return; // the commit in flight drains again when it ends
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Waiting> group = new ArrayList<>();
            for (Waiting next; group.size() < maxGroup && (next = waiting.poll()) != null; ) {
                group.add(next);
            }
            if (group.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            commit(group);
        }
    }

    private void commit(List<Waiting> group) {
        Map<UUID, Waiting> first = new LinkedHashMap<>();
        List<Waiting> repeated = new ArrayList<>();
        for (Waiting filing : group) {
            if (first.putIfAbsent(filing.report().id, filing) != null) {
                repeated.add(filing);
            }
        }
        List<Report> reports = first.values().stream().map(Waiting::report).toList();
        pool.withTransaction(connection -> writer.insertIfAbsent(connection, reports)
                        .call(inserted -> audit.append(connection, first.values().stream()
                                .filter(filing -> inserted.contains(filing.report().id)).map(Waiting::record).toList())))
                .subscribe().with(inserted -> {
                    ended();
                    first.values().forEach(filing -> filing.answer(inserted.contains(filing.report().id) ? Outcome.INSERTED : Outcome.EXISTS));
                    repeated.forEach(filing -> filing.answer(Outcome.EXISTS));
                }, failure -> {
                    if (group.size() == 1) {
                        ended();
                        group.get(0).fail(failure);
                        return;
                    }
                    // one bad filing must not fail the others: each goes again as a group of its own
                    LOG.debugf(failure, "a group of %d filings failed; each is filed alone", group.size());
                    inFlight.addAndGet(group.size() - 1);
                    group.forEach(filing -> commit(List.of(filing)));
                });
    }

    private void ended() {
        inFlight.decrementAndGet();
        drain();
    }
}
