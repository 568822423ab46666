package org.borderwatch.common.web;

import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;

/** Stated purpose: some reads must say why, in X-Access-Purpose, and the reason is recorded in the access log. */
public final class Purposes {

    public static final String HEADER = "X-Access-Purpose";
    public static final int MIN_LENGTH = 10;

    private Purposes() {
    }

    /** 428 naming the missing header unless a purpose of at least {@link #MIN_LENGTH} characters was stated. */
    public static void require(String purpose, String what) {
        if (purpose == null || purpose.strip().length() < MIN_LENGTH) {
            throw new ProblemException(ProblemType.PURPOSE_REQUIRED,
                    "State why " + what + " in the " + HEADER + " header (at least " + MIN_LENGTH + " characters)");
        }
    }
}
