package org.borderwatch.common.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * A problem answered as a page instead of problem+json, for the requests a browser makes (the console). The status,
 * title and detail are those of the problem; only the form differs.
 */
public interface ProblemPage {

    /** Whether this request is one of the pages this renders problems for. */
    boolean handles(ContainerRequestContext context);

    /** The problem as a page; the type gives the title in the language the page is shown in. */
    Response render(ContainerRequestContext context, ProblemType type, Problem problem);
}
