package org.borderwatch.common.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.borderwatch.common.problem.ProblemException;

/** Reads path and query parameters, answering 400 naming the parameter when a value is not usable. */
public final class Params {

    public static final java.util.regex.Pattern AGENCY = java.util.regex.Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,10}");

    private Params() {
    }

    public static UUID uuid(String name, String value) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a UUID");
    }

    /** A token subject: Keycloak's user ids are UUIDs. */
    public static String subject(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 36) {
                return UUID.fromString(value).toString();
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a user's subject (a UUID)");
    }

    /** An agency code such as VN-QN. */
    public static String agency(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!AGENCY.matcher(value).matches()) {
            throw ProblemException.invalid(name, "must be an agency code such as VN-QN");
        }
        return value;
    }

    /** One of a fixed set of names. */
    public static String oneOf(String name, String value, java.util.Collection<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ProblemException.invalid(name, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return value;
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an RFC 3339 time with offset, e.g. 2026-11-20T21:40:00+07:00");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalid(name, "must be one of " + allowed);
        }
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
    }

    /** A WGS84 box "minLon,minLat,maxLon,maxLat". */
    public static double[] box(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        try {
            if (parts.length == 4) {
                double[] box = new double[4];
                for (int i = 0; i < 4; i++) {
                    box[i] = Double.parseDouble(parts[i].trim());
                }
                if (box[0] >= -180 && box[2] <= 180 && box[1] >= -90 && box[3] <= 90 && box[0] <= box[2] && box[1] <= box[3]) {
                    return box;
                }
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be minLon,minLat,maxLon,maxLat in WGS84 degrees");
    }

    /** The sort parameter of received-order lists: newest (default) or oldest. */
    public static boolean oldestFirst(String name, String value) {
        if (value == null || value.isBlank() || value.equals("newest")) {
            return false;
        }
        if (value.equals("oldest")) {
            return true;
        }
        throw ProblemException.invalid(name, "must be newest or oldest");
    }

    /** true or false; absent is false. */
    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "must be true or false");
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalid(name, "must be at most " + maxLength + " characters");
        }
        if (!org.borderwatch.common.validation.SafeText.isSafe(value)) {
            throw ProblemException.invalid(name, org.borderwatch.common.validation.SafeText.RULE);
        }
        return value;
    }
}
