package org.borderwatch.evidence.rest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.evidence.service.UploadService;

/** The tus headers of an upload: Upload-Length, Upload-Offset and Upload-Metadata ("key base64value,key base64value"). */
final class UploadMetadata {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_FILENAME = 255;

    private UploadMetadata() {
    }

    static UploadService.Declared parse(String length, String header) {
        long size = number("Upload-Length", length);
        if (size <= 0) {
            throw ProblemException.invalid("Upload-Length", "must be the file's size in bytes, more than 0");
        }
        Map<String, String> values = pairs(header);
        String filename = required(values, "filename");
        if (filename.length() > MAX_FILENAME || filename.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.invalid("Upload-Metadata.filename", "must be at most 255 characters without control characters");
        }
        String contentType = required(values, "contentType").toLowerCase(java.util.Locale.ROOT);
        String sha256 = required(values, "sha256").toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw ProblemException.invalid("Upload-Metadata.sha256", "must be the file's SHA-256 as 64 hex digits");
        }
        String captured = values.get("capturedAt");
        try {
            return new UploadService.Declared(size, filename, contentType, sha256,
                    captured == null ? null : OffsetDateTime.parse(captured).toInstant());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("Upload-Metadata.capturedAt", "must be an RFC 3339 time with offset");
        }
    }

    static long offset(String header) {
        long offset = number("Upload-Offset", header);
        if (offset < 0) {
            throw ProblemException.invalid("Upload-Offset", "must be 0 or more");
        }
        return offset;
    }

    private static long number(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "is required");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
    }

    private static Map<String, String> pairs(String header) {
        Map<String, String> values = new HashMap<>();
        if (header == null || header.isBlank()) {
            return values;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(" ");
            if (parts.length < 1 || parts.length > 2 || parts[0].isEmpty()) {
                throw ProblemException.invalid("Upload-Metadata", "must be comma-separated 'key base64value' pairs");
            }
            try {
                values.put(parts[0], parts.length == 1 ? "" : new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("Upload-Metadata." + parts[0], "must be base64");
            }
        }
        return values;
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("Upload-Metadata." + key, "is required");
        }
        return value;
    }
}
