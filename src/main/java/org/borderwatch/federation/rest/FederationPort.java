package org.borderwatch.federation.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The federation port (TLS with a pinned client certificate) serves TAXII and nothing else, and TAXII is served on no
 * other port: a partner's certificate never reaches the API, and a bearer token never reaches TAXII.
 */
@ApplicationScoped
public class FederationPort {

    void install(@Observes Router router) {
        router.route().order(-9_000).handler(this::separate);
    }

    private void separate(RoutingContext context) {
        String path = context.normalizedPath();
        boolean taxii = path.equals("/taxii2") || path.startsWith("/taxii2/");
        if (context.request().isSSL() == taxii) {
            context.next();
            return;
        }
        context.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json").putHeader("Cache-Control", "no-store")
                .end("{\"type\":\"urn:borderwatch:problem:not-found\",\"title\":\"Resource not found\",\"status\":404,\"detail\":\""
                        + (taxii ? "TAXII is served only on the federation port, over mutual TLS" : "the federation port serves TAXII only")
                        + "\"}");
    }
}
