package org.borderwatch.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.ConfigProvider;

/** A time that is not later than now, allowing for the phone's clock to run a little fast. */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = NotInFuture.Validator.class)
public @interface NotInFuture {
    String message() default "must not be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotInFuture, OffsetDateTime> {
        private final Duration skew = ConfigProvider.getConfig()
                .getOptionalValue("borderwatch.reports.clock-skew", Duration.class).orElse(Duration.ofMinutes(5));

        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || !value.toInstant().isAfter(Clock.systemUTC().instant().plus(skew));
        }
    }
}
