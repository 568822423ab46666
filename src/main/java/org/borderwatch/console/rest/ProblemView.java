package org.borderwatch.console.rest;

import java.util.List;
import org.borderwatch.common.problem.FieldError;

/** A problem as the console's error page shows it. */
public record ProblemView(int status, String title, String detail, List<FieldError> errors, String requestId, String lang) {
}
