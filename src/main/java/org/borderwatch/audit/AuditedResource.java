package org.borderwatch.audit;

/** The thing an access was about: its type, id and the agency that owns it (when known). */
public record AuditedResource(String type, String id, String agency) {

    public static AuditedResource report(Object id, String agency) {
        return new AuditedResource("REPORT", String.valueOf(id), agency);
    }

    public static AuditedResource caseFile(Object id, String agency) {
        return new AuditedResource("CASE", String.valueOf(id), agency);
    }
}
