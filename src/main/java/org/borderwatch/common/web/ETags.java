package org.borderwatch.common.web;

import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.common.problem.ProblemType;

/** Strong ETags carrying a resource's version number: {@code "3"}. */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /** The version If-Match names, or null without one (a PUT that may create). */
    public static Integer optionalVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : expectedVersion(ifMatch);
    }

    /** The version an If-Match header asks for; 428 when the header is required and absent. */
    public static int expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the version you are changing");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Integer.parseInt(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match " + ifMatch + " does not name a version of this resource");
    }
}
