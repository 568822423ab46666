package org.borderwatch.vetting.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.problem.FieldError;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.report.Report;
import org.borderwatch.report.ReportHistoryEntry;
import org.borderwatch.report.service.ReportService;
import org.borderwatch.security.Caller;
import org.borderwatch.vetting.Decision;
import org.borderwatch.vetting.Transitions;
import org.borderwatch.vetting.rest.DecisionRequest;

/** Supervisors' decisions on reports: verify with a grading, reject with a reason, or ask the officer. */
@ApplicationScoped
public class VettingService {

    private final ReportService reports;

    public VettingService(ReportService reports) {
        this.reports = reports;
    }

    public Uni<Report> decide(Caller caller, UUID id, DecisionRequest request, int expectedVersion) {
        check(request);
        return reports.decide(caller, id, expectedVersion, new ReportService.DecisionRule() {
            @Override
            public ReportHistoryEntry.Kind apply(Report report) {
                report.status = Transitions.next(report.status, request.decision());
                return switch (request.decision()) {
                    case VERIFY -> verify(report, request);
                    case REJECT -> {
                        report.rejectionReason = request.reason();
                        yield ReportHistoryEntry.Kind.REJECTED;
                    }
                    case REQUEST_INFO -> {
                        report.question = request.question();
                        yield ReportHistoryEntry.Kind.INFO_REQUESTED;
                    }
                };
            }

            @Override
            public String note() {
                return switch (request.decision()) {
                    case VERIFY -> request.note();
                    case REJECT -> request.reason();
                    case REQUEST_INFO -> request.question();
                };
            }
        });
    }

    private static ReportHistoryEntry.Kind verify(Report report, DecisionRequest request) {
        report.gradingSource = request.grading().source();
        report.gradingInformation = request.grading().information();
        if (request.impact() != null) {
            report.impact = request.impact();
        }
        return ReportHistoryEntry.Kind.VERIFIED;
    }

    /** Each decision carries exactly the fields it needs. */
    private static void check(DecisionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Decision decision = request.decision();
        requireIf(errors, decision == Decision.VERIFY, request.grading() != null, "grading", "VERIFY");
        requireIf(errors, decision == Decision.REJECT, blankToNull(request.reason()) != null, "reason", "REJECT");
        requireIf(errors, decision == Decision.REQUEST_INFO, blankToNull(request.question()) != null, "question", "REQUEST_INFO");
        requireIf(errors, decision == Decision.VERIFY, request.impact() != null, "impact", "VERIFY");
        requireIf(errors, decision == Decision.VERIFY, request.note() != null, "note", "VERIFY");
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
    }

    /** Present when the decision needs it ("required"), absent when it does not ("only with"). */
    private static void requireIf(List<FieldError> errors, boolean belongs, boolean present, String field, String decision) {
        boolean required = !field.equals("impact") && !field.equals("note");
        if (belongs && required && !present) {
            errors.add(new FieldError(field, "is required for " + decision));
        } else if (!belongs && present) {
            errors.add(new FieldError(field, "is only allowed with " + decision));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
