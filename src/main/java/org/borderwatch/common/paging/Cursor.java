package org.borderwatch.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.borderwatch.common.problem.ProblemException;

/** Opaque paging cursors: a few values joined and base64url-encoded, with a prefix naming the list. */
public final class Cursor {

    private static final String SEPARATOR = "|";

    private Cursor() {
    }

    public static String encode(String kind, Object... parts) {
        StringBuilder text = new StringBuilder(kind);
        for (Object part : parts) {
            text.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The values of a cursor this service issued for the list {@code kind}, or a 400 naming {@code cursor}. */
    public static String[] decode(String kind, String cursor, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] values = text.split("\\|", -1);
            if (values.length == parts + 1 && values[0].equals(kind)) {
                String[] result = new String[parts];
                System.arraycopy(values, 1, result, 0, parts);
                return result;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw invalid();
    }

    /** A position in a list sorted by (time, id), the usual shape. */
    public record TimeAndId(java.time.Instant time, java.util.UUID id) {
    }

    public static String encode(String kind, TimeAndId position) {
        return encode(kind, position.time(), position.id());
    }

    /** The (time, id) of a cursor of list {@code kind}; null when no cursor was given. */
    public static TimeAndId decodeTimeAndId(String kind, String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = decode(kind, cursor, 2);
        try {
            return new TimeAndId(java.time.Instant.parse(parts[0]), java.util.UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return ProblemException.invalid("cursor", "is not a cursor this service issued for this list");
    }
}
