package org.borderwatch.sharing.service;

import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;

/** The result of a PUT: the stored thing and whether the PUT created it. */
public record Upserted<T>(T value, boolean created) {

    /** A PUT may create without If-Match; changing what exists needs the ETag of its current version (428, 412). */
    static void checkVersion(String what, Integer current, Integer expected) {
        if (current == null) {
            return;
        }
        if (expected == null) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, what + " exists; send If-Match with its ETag to change it");
        }
        if (!current.equals(expected)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, what + " is at version " + current + ", not " + expected);
        }
    }
}
