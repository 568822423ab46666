package org.borderwatch.console.rest;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as a page shows them: to the minute, in UTC, readable without a script; console.js then shows each in the
 * browser's time zone and language (the exact instant stays in the element's datetime attribute).
 */
@TemplateExtension
public final class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String shown(Instant time) {
        return MINUTE.format(time);
    }

    static String shown(OffsetDateTime time) {
        return MINUTE.format(time.toInstant());
    }
}
