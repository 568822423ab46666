package org.borderwatch.audit;

/** The thing an access was about: its type, id and the agency that owns it (when known). */
public record AuditedResource(String type, String id, String agency) {

    /** Every resource type the log names, for auditors' filters. */
    public static final java.util.Set<String> TYPES = java.util.Set.of("REPORT", "CASE", "EVIDENCE", "AGENCY", "AGREEMENT", "SHARE",
            "INBOX", "REPORT_EVENTS", "AUDIT_LOG", "FEDERATION");

    public static AuditedResource report(Object id, String agency) {
        return new AuditedResource("REPORT", String.valueOf(id), agency);
    }

    public static AuditedResource caseFile(Object id, String agency) {
        return new AuditedResource("CASE", String.valueOf(id), agency);
    }

    public static AuditedResource evidence(Object id, String agency) {
        return new AuditedResource("EVIDENCE", String.valueOf(id), agency);
    }

    public static AuditedResource agency(String code) {
        return new AuditedResource("AGENCY", code, code);
    }

    public static AuditedResource agreement(Object id, String agency) {
        return new AuditedResource("AGREEMENT", String.valueOf(id), agency);
    }

    /**
     * A share, recorded against the agency on the other side from the caller, so that an access by either party
     * is in the log of both agencies (the caller's agency is the event's own agency).
     */
    public static AuditedResource share(Object id, String otherParty) {
        return new AuditedResource("SHARE", String.valueOf(id), otherParty);
    }
}
