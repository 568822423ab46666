package org.borderwatch.console.rest;

import io.quarkus.oidc.OIDCException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * When Keycloak cannot be reached, signing in to the console cannot happen: the browser is told so (503, retry
 * shortly) in the three languages, instead of a bare 500. The API is not concerned: its tokens are verified locally.
 */
@ApplicationScoped
public class IdentityOutage {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign-in unavailable · Borderwatch</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/console/assets/console.css"></head>
            <body><main id="main" class="problem">
            <h1>503 · Sign-in is unavailable</h1>
            <p>The identity service cannot be reached. Try again in a minute.</p>
            <p lang="vi">Không kết nối được dịch vụ xác thực. Vui lòng thử lại sau một phút.</p>
            <p lang="zh">无法连接身份认证服务。请一分钟后重试。</p>
            </main></body></html>
            """;

    void install(@Observes Router router) {
        router.route("/console").failureHandler(this::answer);
        router.route("/console/*").failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (!identityUnreachable(context.failure()) || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response().setStatusCode(503).putHeader("Content-Type", "text/html; charset=UTF-8").putHeader("Retry-After", "30")
                .putHeader("Cache-Control", "no-store").end(PAGE);
    }

    static boolean identityUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OIDCException || cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
