package org.borderwatch.audit.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The export answers NDJSON unless CSV is asked for by name: a client that accepts anything (or sends no Accept)
 * gets NDJSON, as documented, instead of whichever representation the router would pick.
 */
public class ExportFormat {

    static final String EXPORT_PATH = "/api/v1/audit/export";

    @ServerRequestFilter(preMatching = true)
    public void ndjsonUnlessCsvIsAsked(ContainerRequestContext request) {
        if (!EXPORT_PATH.equals(request.getUriInfo().getPath())) {
            return;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || (!namesCsv(accept) && acceptsAnything(accept))) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, AuditChainResource.NDJSON);
        }
    }

    private static boolean namesCsv(String accept) {
        return accept.toLowerCase(Locale.ROOT).contains(AuditChainResource.CSV);
    }

    private static boolean acceptsAnything(String accept) {
        return accept.contains("*/*") || accept.toLowerCase(Locale.ROOT).contains("application/*");
    }
}
