package org.borderwatch.report.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.report.Report;
import org.borderwatch.report.ReportContent;
import org.borderwatch.security.Caller;

/**
 * Filing field reports: a new report goes with the others arriving at the same moment, in one transaction with its
 * access record ({@link FilingQueue}), and is answered after that commit; a retry of a filed report is recognised.
 */
@ApplicationScoped
public class ReportFilingService {

    private final ReportService reports;
    private final FilingQueue queue;
    private final AuditRecorder audit;

    public ReportFilingService(ReportService reports, FilingQueue queue, AuditRecorder audit) {
        this.reports = reports;
        this.queue = queue;
        this.audit = audit;
    }

    public Uni<ReportService.Filed> file(Caller caller, UUID id, ReportContent content) {
        Report report = reports.newReport(caller, id, content);
        return queue.file(report, audit.prepared(caller, AuditAction.REPORT_CREATE, ReportService.resource(report), content.deviceId()))
                .chain(outcome -> switch (outcome) {
                    case INSERTED -> Uni.createFrom().item(new ReportService.Filed(report, true));
                    case EXISTS -> reports.recognise(caller, report);
                });
    }
}
