package org.borderwatch.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.borderwatch.audit.AuditEvent;

/**
 * The bytes of an event that the chain hashes: every field, in a fixed order, separated by a unit
 * separator, absent fields empty. Changing this breaks every existing chain, so it is versioned.
 */
public final class EventCanonicalForm {

    public static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';

    private EventCanonicalForm() {
    }

    public static String of(AuditEvent e) {
        Object[] fields = {"v1", e.id, e.occurredAt, e.subject, e.agency, e.roles, e.deviceId, e.action, e.resourceType,
            e.resourceId, e.resourceAgency, e.outcome, e.reason, e.purpose, e.clientAddress, e.userAgent, e.requestId};
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append(field == null ? "" : field.toString());
        }
        return text.toString();
    }

    /** SHA-256 of the canonical form, hex: lets an export withhold an event's fields and still be verified. */
    public static String digest(AuditEvent event) {
        return HexFormat.of().formatHex(sha256().digest(of(event).getBytes(StandardCharsets.UTF_8)));
    }

    /** hash = SHA-256(previous hash || SHA-256(canonical form)), hex. */
    public static String chain(String previousHash, AuditEvent event) {
        return link(previousHash, digest(event));
    }

    public static String link(String previousHash, String eventDigest) {
        MessageDigest digest = sha256();
        digest.update(HexFormat.of().parseHex(previousHash));
        digest.update(HexFormat.of().parseHex(eventDigest));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
