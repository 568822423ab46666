package org.borderwatch.report.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.common.paging.Cursor;
import org.borderwatch.report.Report;
import org.borderwatch.report.ReportFilter;
import org.borderwatch.report.repository.ReportRepository;
import org.borderwatch.security.Caller;
import org.borderwatch.security.Roles;

/** Lists of reports: the officers' offline-sync feed and the supervisors' list. Each report shown is audited. */
@ApplicationScoped
public class ReportFeedService {

    private static final String FEED = "feed";
    private static final String LIST = "list";

    private final ReportRepository reports;
    private final AuditRecorder audit;

    public ReportFeedService(ReportRepository reports, AuditRecorder audit) {
        this.reports = reports;
        this.audit = audit;
    }

    /** A page of reports and the cursor to continue from (null when a list has no more). */
    public record Page(List<Report> items, String nextCursor) {
    }

    /**
     * Reports visible to the caller that changed after the cursor. The next cursor is always returned,
     * also on an empty page, so the phone can poll with it.
     */
    @WithTransaction
    public Uni<Page> changes(Caller caller, String cursor, int limit) {
        long[] after = cursor == null ? new long[] {0, 0} : feedPosition(cursor);
        String reporter = caller.has(Roles.SUPERVISOR) ? null : caller.subject();
        return reports.settledBelow()
                .chain(settled -> reports.changedAfter(caller.agency(), reporter, after[0], after[1], settled, limit))
                .call(items -> audit.allowed(caller, AuditAction.REPORT_SYNC, items.stream().map(ReportService::resource).toList(), null))
                .map(items -> {
                    if (items.isEmpty()) {
                        return new Page(items, Cursor.encode(FEED, after[0], after[1]));
                    }
                    Report last = items.get(items.size() - 1);
                    return new Page(items, Cursor.encode(FEED, last.changeXid, last.changeSeq));
                });
    }

    /** The supervisor's list of the own agency's reports, newest (or oldest) received first. */
    @WithTransaction
    public Uni<Page> list(Caller caller, ReportFilter filter, String cursor, int limit) {
        String kind = filter.oldestFirst() ? LIST + "-oldest" : LIST;
        Cursor.TimeAndId after = Cursor.decodeTimeAndId(kind, cursor);
        return reports.ofAgency(caller.agency(), filter, after, limit)
                .call(items -> audit.allowed(caller, AuditAction.REPORT_LIST, items.stream().map(ReportService::resource).toList(), null))
                .map(items -> {
                    if (items.size() < limit) {
                        return new Page(items, null);
                    }
                    Report last = items.get(items.size() - 1);
                    return new Page(items, Cursor.encode(kind, new Cursor.TimeAndId(last.receivedAt, last.id)));
                });
    }

    private static long[] feedPosition(String cursor) {
        String[] parts = Cursor.decode(FEED, cursor, 2);
        try {
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }
}
