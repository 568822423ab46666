package org.borderwatch.security;

import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.Outcome;
import org.borderwatch.common.problem.ProblemType;

/**
 * A refused request. It is answered as 403 (wrong role, unusable token) or 404 (a resource of another
 * agency, or none at all: the two must look the same) and recorded in the access log in its own
 * transaction, because the work it interrupted is rolled back.
 */
public class AccessDeniedException extends RuntimeException {

    private final transient Caller caller;
    private final ProblemType answer;
    private final AuditAction action;
    private final AuditedResource resource;
    private final Outcome outcome;

    public AccessDeniedException(Caller caller, ProblemType answer, AuditAction action, AuditedResource resource,
                                 Outcome outcome, String reason) {
        super(reason, null, false, false);
        this.caller = caller;
        this.answer = answer;
        this.action = action;
        this.resource = resource;
        this.outcome = outcome;
    }

    public static AccessDeniedException hidden(Caller caller, AuditAction action, AuditedResource resource, boolean exists) {
        return new AccessDeniedException(caller, ProblemType.NOT_FOUND, action, resource,
                exists ? Outcome.DENIED : Outcome.FAILED,
                exists ? "resource belongs to another agency or reporter" : "no such resource");
    }

    public static AccessDeniedException forbidden(Caller caller, AuditAction action, String reason) {
        return forbidden(caller, action, null, reason);
    }

    public static AccessDeniedException forbidden(Caller caller, AuditAction action, AuditedResource resource, String reason) {
        return new AccessDeniedException(caller, ProblemType.FORBIDDEN, action, resource, Outcome.DENIED, reason);
    }

    public Caller caller() {
        return caller;
    }

    public ProblemType answer() {
        return answer;
    }

    public AuditAction action() {
        return action;
    }

    public AuditedResource resource() {
        return resource;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** What the client is told: never whether a hidden resource exists. */
    public String publicDetail() {
        return answer == ProblemType.NOT_FOUND ? "No such " + resource.type().toLowerCase(java.util.Locale.ROOT) + ": " + resource.id()
                : getMessage();
    }
}
