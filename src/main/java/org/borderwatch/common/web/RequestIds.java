package org.borderwatch.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.common.vertx.ContextLocals;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.borderwatch.common.validation.SafeText;
import org.jboss.logging.MDC;

/**
 * Runs first on every request: gives it an id (the client's X-Request-Id when it is sane), echoes it
 * on the response, puts it in the logs, and keeps what the access log needs about the request.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "borderwatch.request";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_HEADER = Purposes.MAX_LENGTH;
    /** The request-context key Quarkus' HTTP metrics read the route template from (as quarkus-rest sets it). */
    private static final String METRIC_TEMPLATE = "UrlPathTemplate";

    private final long maxBody;

    /** Evidence uploads (tus PATCH) stream large bodies; every other body is JSON and small. */
    static final String UPLOADS = "/api/v1/uploads/";

    public RequestIds(@ConfigProperty(name = "borderwatch.http.max-json-body") MemorySize maxBody) {
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-10_000).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String offered = context.request().getHeader(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        SocketAddress remote = context.request().remoteAddress();
        RequestInfo info = new RequestInfo(id, remote == null ? null : remote.hostAddress(),
                clip(context.request().getHeader("User-Agent")), clip(context.request().getHeader(RequestInfo.DEVICE_HEADER)),
                clip(context.request().getHeader(RequestInfo.PURPOSE_HEADER)));
        ContextLocals.put(KEY, info);
        MDC.put("requestId", id);
        context.response().putHeader(HEADER, id);
        if (unknownCoding(context)) {
            refuse(context, 501, "not-implemented", "Transfer coding not implemented",
                    "The only transfer coding this service understands is chunked", id);
        } else if (isUpload(context)) {
            context.next();
        } else if (unmeasured(context)) {
            refuse(context, 411, "length-required", "Content-Length required", "Send the body with a Content-Length", id);
        } else if (tooLarge(context)) {
            refuse(context, 413, "payload-too-large", "Request body too large", "The body is larger than " + maxBody + " bytes", id);
        } else {
            context.next();
        }
    }

    /**
     * Answers before routing, as problem+json (the problem mapper only sees routed requests), and names the metric
     * series after the refusal rather than after the path a client chose.
     */
    private static void refuse(RoutingContext context, int status, String type, String title, String detail, String id) {
        ((io.vertx.core.http.impl.HttpServerRequestInternal) context.request()).context()
                .putLocal(METRIC_TEMPLATE, "/refused-before-routing");
        context.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").putHeader("Connection", "close")
                .end("{\"type\":\"urn:borderwatch:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"instance\":\"" + id + "\"}");
    }

    /** Judged on the path as routed (dot segments removed), so /api/v1/uploads/../reports/x is not an upload. */
    private static boolean isUpload(RoutingContext context) {
        return context.normalizedPath().startsWith(UPLOADS);
    }

    private boolean tooLarge(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        try {
            return length != null && Long.parseLong(length.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A chunked body of unknown size: only uploads may stream, everything else says how large it is. */
    private static boolean unmeasured(RoutingContext context) {
        String encoding = context.request().getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")
                && context.request().getHeader("Content-Length") == null;
    }

    /**
     * RFC 9112 §6.1: a request with a transfer coding the server does not understand is answered 501 (and the
     * connection closed); every Transfer-Encoding line counts, so a second one cannot hide behind a first "chunked".
     */
    private static boolean unknownCoding(RoutingContext context) {
        java.util.List<String> codings = context.request().headers().getAll("Transfer-Encoding");
        return !codings.isEmpty() && !(codings.size() == 1 && codings.get(0).trim().equalsIgnoreCase("chunked"));
    }

    /**
     * Headers recorded in the access log as the client sent them, clipped, and with invisible and direction-changing
     * characters made visible ({@code <U+202E>}), so that what an auditor reads is what was sent.
     */
    private static String clip(String header) {
        String value = HeaderText.decoded(header);
        String clipped = value == null || value.length() <= MAX_HEADER ? value : value.substring(0, MAX_HEADER);
        return SafeText.neutralised(clipped);
    }
}
