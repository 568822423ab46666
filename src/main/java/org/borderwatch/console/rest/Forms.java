package org.borderwatch.console.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.Set;
import org.borderwatch.common.problem.ProblemException;

/** A console form becomes the API's request body and is held to the same rules (400 naming the field). */
@ApplicationScoped
public class Forms {

    private final Validator validator;

    public Forms(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    /** A date and time from a form: RFC 3339, or a datetime-local field's value read in the given offset. */
    public static OffsetDateTime time(String field, String value, String offset) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() <= 16 ? java.time.LocalDateTime.parse(value).atOffset(java.time.ZoneOffset.of(offset))
                    : OffsetDateTime.parse(value);
        } catch (java.time.DateTimeException e) {
            throw ProblemException.invalid(field, "must be a date and time such as 2026-12-24T18:00");
        }
    }
}
