package org.borderwatch.common.web;

import org.borderwatch.common.problem.FieldError;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;

/** Stated purpose: some reads must say why, in X-Access-Purpose, and the reason is recorded in the access log. */
public final class Purposes {

    public static final String HEADER = "X-Access-Purpose";
    public static final int MIN_LENGTH = 10;
    /** As long as the access log keeps request headers, so the purpose recorded is the purpose stated. */
    public static final int MAX_LENGTH = 256;

    private Purposes() {
    }

    /**
     * 428 naming the missing header unless a purpose of at least {@link #MIN_LENGTH} characters was stated; 400 naming
     * it when longer than {@link #MAX_LENGTH} or holding characters text may not hold.
     */
    public static void require(String header, String what) {
        require(HEADER, HeaderText.decoded(header), what, " header");
    }

    /** The same rule for a purpose stated in a form field (the console), named by that field. */
    public static void requireField(String field, String purpose, String what) {
        require(field, purpose, what, " field");
    }

    private static void require(String name, String purpose, String what, String kind) {
        Params.text(name, purpose, MAX_LENGTH);
        if (purpose == null || purpose.strip().length() < MIN_LENGTH) {
            throw new ProblemException(ProblemType.PURPOSE_REQUIRED,
                    "State why " + what + " in the " + name + kind + " (at least " + MIN_LENGTH + " characters)",
                    java.util.List.of(new FieldError(name, "must state a purpose of at least " + MIN_LENGTH + " characters")));
        }
    }
}
