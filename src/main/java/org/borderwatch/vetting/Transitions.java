package org.borderwatch.vetting;

import static org.borderwatch.report.ReportStatus.NEEDS_INFO;
import static org.borderwatch.report.ReportStatus.REJECTED;
import static org.borderwatch.report.ReportStatus.SUBMITTED;
import static org.borderwatch.report.ReportStatus.VERIFIED;

import java.util.Map;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.report.ReportStatus;

/**
 * The one table of what a supervisor may decide in which status. A NEEDS_INFO report waits for the
 * officer's answer (an amendment puts it back to SUBMITTED); it can only be given up (REJECT).
 */
public final class Transitions {

    private static final Map<ReportStatus, Map<Decision, ReportStatus>> TABLE = Map.of(
            SUBMITTED, Map.of(Decision.VERIFY, VERIFIED, Decision.REJECT, REJECTED, Decision.REQUEST_INFO, NEEDS_INFO),
            NEEDS_INFO, Map.of(Decision.REJECT, REJECTED),
            VERIFIED, Map.of(),
            REJECTED, Map.of());

    private Transitions() {
    }

    /** The status a decision leads to, or 409 naming the current status. */
    public static ReportStatus next(ReportStatus current, Decision decision) {
        ReportStatus next = TABLE.get(current).get(decision);
        if (next == null) {
            throw new ProblemException(ProblemType.CONFLICT, "The report is " + current + "; " + decision
                    + " is not possible from there (allowed: " + TABLE.get(current).keySet() + ")");
        }
        return next;
    }
}
