package org.borderwatch.common.problem;

import io.quarkus.oidc.OIDCException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Tells failures caused by a dependency being down (database, identity provider) from bugs: those are 503, not 500. */
final class Unavailability {

    private Unavailability() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof ClosedConnectionException || cause instanceof TimeoutException
                    || cause instanceof OIDCException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("OIDC Server is not available") || message.contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }
}
