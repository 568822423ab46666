package org.borderwatch.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.borderwatch.audit.rest.AuditEventView;
import org.borderwatch.console.service.Flattened;
import org.borderwatch.sharing.rest.MessageView;
import org.borderwatch.sharing.rest.ShareView;

/** The console's templates, checked against these types when the application is built. */
@CheckedTemplate(basePath = "console")
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance problem(ProblemView problem);

    public static native TemplateInstance home(Frame frame);

    public static native TemplateInstance signedOut(String lang);

    public static native TemplateInstance inbox(Frame frame, InboxPages.Filter filter, List<ShareView> shares, String next);

    public static native TemplateInstance inboxRows(List<ShareView> shares);

    public static native TemplateInstance openShare(Frame frame, ShareView share);

    public static native TemplateInstance share(Frame frame, ShareView share, String purpose, List<InboxPages.Snapshot> snapshots,
                                                List<MessageView> messages, List<MessageView> openRequests, String notice);

    public static native TemplateInstance given(Frame frame, ShareView share, List<InboxPages.Snapshot> snapshots,
                                                List<MessageView> messages, List<MessageView> openRequests, String notice);

    public static native TemplateInstance outgoing(Frame frame, List<ShareView> shares, String next);

    public static native TemplateInstance audit(Frame frame, AuditPages.Filter filter, List<AuditEventView> events, String next);

    public static native TemplateInstance signals(Frame frame, org.borderwatch.audit.rest.SignalsView signals);

    public static native TemplateInstance chain(Frame frame, AuditPages.Verification result);

    public static native TemplateInstance queue(Frame frame, ReportPages.Queue filter, List<org.borderwatch.report.rest.ReportView> reports,
                                                String next);

    public static native TemplateInstance report(Frame frame, org.borderwatch.report.rest.ReportView report,
                                                 List<org.borderwatch.report.rest.ReportHistoryView> history,
                                                 List<org.borderwatch.vetting.rest.RelatedReportView> related);

    public static native TemplateInstance map(Frame frame, org.borderwatch.console.service.ClusterMap.Drawn map, String from, String to,
                                              String category);

    public static native TemplateInstance admin(Frame frame, List<org.borderwatch.sharing.rest.AgencyView> agencies,
                                                List<org.borderwatch.sharing.rest.AgreementView> agreements, String next,
                                                java.util.UUID newAgreement, List<org.borderwatch.federation.rest.FederationStatusView> partners);

    public static native TemplateInstance cases(Frame frame, List<CasePages.CaseRow> cases, String next);

    public static native TemplateInstance caseFile(Frame frame, org.borderwatch.vetting.CaseFile caseFile, List<CasePages.CaseReport> reports,
                                                   List<ShareView> shares);

    public static native TemplateInstance release(Frame frame, java.util.UUID caseId, String title, int reports);

    public static native TemplateInstance approvals(Frame frame, List<ShareView> shares, String next);

    public static native TemplateInstance preview(Frame frame, CasePages.Release release, List<Flattened.Row> rows, boolean needsApproval);
}
