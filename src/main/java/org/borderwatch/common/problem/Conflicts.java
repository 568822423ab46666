package org.borderwatch.common.problem;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;

/**
 * Tells a lost race from a bug: two requests that made the same row at once end with one of them refused by a unique
 * constraint (SQLSTATE 23505) or a serialization failure (40001, 40P01). That is a 409 (or a retry), never a 500.
 */
public final class Conflicts {

    private Conflicts() {
    }

    public static boolean isLostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String state = cause instanceof PgException pg ? pg.getSqlState() : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
                return true;
            }
        }
        return false;
    }
}
