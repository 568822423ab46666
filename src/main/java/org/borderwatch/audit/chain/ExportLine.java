package org.borderwatch.audit.chain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import java.time.Instant;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.Outcome;

/** One sealed event as exported: its position and hash, and every field the hash covers. */
@RegisterForReflection
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AuditExportLine",
        description = "One sealed event: position, chain hash, digest of the event, and its fields (absent when withheld).",
        example = "{\"position\":1,\"hash\":\"5d1f…\",\"eventDigest\":\"a93c…\",\"withheld\":false,\"id\":\"6a3c1f3e-2b1d-4d0b-8f1e-1f0c2b3a4d5e\","
                + "\"occurredAt\":\"2026-11-20T14:41:02.123456Z\",\"action\":\"REPORT_CREATE\",\"outcome\":\"ALLOWED\"}")
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ExportLine(long position, String hash, String eventDigest, boolean withheld, String id, String occurredAt, String subject, String agency,
                         String roles, String deviceId, String action, String resourceType, String resourceId,
                         String resourceAgency, String outcome, String reason, String purpose, String clientAddress,
                         String userAgent, String requestId) {

    /** An event the exporting auditor may see, with every field. */
    public static ExportLine of(long position, String hash, AuditEvent e) {
        return new ExportLine(position, hash, EventCanonicalForm.digest(e), false, e.id.toString(), e.occurredAt.toString(), e.subject, e.agency, e.roles, e.deviceId,
                e.action.name(), e.resourceType, e.resourceId, e.resourceAgency, e.outcome.name(), e.reason, e.purpose,
                e.clientAddress, e.userAgent, e.requestId);
    }

    /** An event of other agencies: only its digest, enough to verify the chain through it. */
    public static ExportLine withheld(long position, String hash, AuditEvent e) {
        return new ExportLine(position, hash, EventCanonicalForm.digest(e), true, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** The event back, exactly as the chain hashed it. */
    public AuditEvent event() {
        AuditEvent e = new AuditEvent();
        e.id = UUID.fromString(id);
        e.occurredAt = Instant.parse(occurredAt);
        e.subject = subject;
        e.agency = agency;
        e.roles = roles;
        e.deviceId = deviceId;
        e.action = AuditAction.valueOf(action);
        e.resourceType = resourceType;
        e.resourceId = resourceId;
        e.resourceAgency = resourceAgency;
        e.outcome = Outcome.valueOf(outcome);
        e.reason = reason;
        e.purpose = purpose;
        e.clientAddress = clientAddress;
        e.userAgent = userAgent;
        e.requestId = requestId;
        return e;
    }

    static final String CSV_HEADER = "position,hash,eventDigest,withheld,id,occurredAt,subject,agency,roles,deviceId,action,resourceType,resourceId,"
            + "resourceAgency,outcome,reason,purpose,clientAddress,userAgent,requestId";

    public static String csvHeader() {
        return CSV_HEADER + "\n";
    }

    /**
     * One CSV row, every cell quoted. A cell that a spreadsheet would read as a formula (it starts with = + - @, a tab
     * or a carriage return) is prefixed with a single quote, as OWASP's CSV injection guidance says: the log records
     * what clients sent (User-Agent, X-Access-Purpose, X-Device-Id) and must not run it on the auditor's desk.
     */
    public String csv() {
        Object[] fields = {String.valueOf(position), hash, eventDigest, String.valueOf(withheld), id, occurredAt, subject, agency, roles, deviceId,
            action, resourceType, resourceId, resourceAgency, outcome, reason, purpose, clientAddress, userAgent, requestId};
        for (int i = 0; i < fields.length; i++) {
            fields[i] = neutral((String) fields[i]);
        }
        return CSV.format(fields) + "\n";
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\n").get();

    static String neutral(String cell) {
        if (cell == null) {
            return "";
        }
        return startsLikeAFormula(cell) ? "'" + cell : cell;
    }

    /**
     * Spreadsheets skip leading spaces and read full-width signs (＝, ＋) as ASCII ones, so the first character that is not
     * white space is judged after NFKC; a cell beginning with a tab or a line break is neutralised too.
     */
    private static boolean startsLikeAFormula(String cell) {
        int i = 0;
        while (i < cell.length() && (Character.isWhitespace(cell.charAt(i)) || Character.isSpaceChar(cell.charAt(i)))) {
            if ("\t\r\n".indexOf(cell.charAt(i)) >= 0) {
                return true;
            }
            i++;
        }
        if (i == cell.length()) {
            return false;
        }
        String first = java.text.Normalizer.normalize(cell.substring(i, cell.offsetByCodePoints(i, 1)), java.text.Normalizer.Form.NFKC);
        return !first.isEmpty() && "=+-@".indexOf(first.charAt(0)) >= 0;
    }
}
