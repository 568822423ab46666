package org.borderwatch.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.Outcome;
import org.borderwatch.audit.chain.EventCanonicalForm;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a database administrator can do to the access log: as the superuser, with the triggers off, while holding the
 * sealer's advisory lock so the running sealer waits. Everything except sign.
 */
public final class ChainForger {

    private static final long SEALER_LOCK = 7_305_001L;

    private ChainForger() {
    }

    /** Changes the event at {@code position} and recomputes every seal hash from there on, consistently. */
    public static void rewriteFrom(long position, String subject) {
        forge(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("update audit_event set subject = '" + subject + "' where id = (select event_id from audit_seal where position = "
                        + position + ")");
            }
            String hash = position == 1 ? EventCanonicalForm.GENESIS : text(connection, "select hash from audit_seal where position = " + (position - 1));
            try (PreparedStatement rows = connection.prepareStatement("select s.position, e.* from audit_seal s join audit_event e on e.id = s.event_id"
                    + " where s.position >= ? order by s.position");
                 PreparedStatement update = connection.prepareStatement("update audit_seal set hash = ? where position = ?")) {
                rows.setLong(1, position);
                try (ResultSet row = rows.executeQuery()) {
                    while (row.next()) {
                        hash = EventCanonicalForm.chain(hash, event(row));
                        update.setString(1, hash);
                        update.setLong(2, row.getLong("position"));
                        update.executeUpdate();
                    }
                }
            }
        });
    }

    /** Runs statements in one transaction with the sealer held off. */
    public static void tamper(String... statements) {
        forge(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        });
    }

    private interface Work {
        void on(Connection connection) throws SQLException;
    }

    private static void forge(Work work) {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + SEALER_LOCK + ")");
                statement.execute("set local session_replication_role = replica");
            }
            work.on(connection);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        AuditEvent e = new AuditEvent();
        e.id = row.getObject("id", UUID.class);
        e.occurredAt = row.getObject("occurred_at", OffsetDateTime.class).toInstant();
        e.subject = row.getString("subject");
        e.agency = row.getString("agency");
        e.roles = row.getString("roles");
        e.deviceId = row.getString("device_id");
        e.action = AuditAction.valueOf(row.getString("action"));
        e.resourceType = row.getString("resource_type");
        e.resourceId = row.getString("resource_id");
        e.resourceAgency = row.getString("resource_agency");
        e.outcome = Outcome.valueOf(row.getString("outcome"));
        e.reason = row.getString("reason");
        e.purpose = row.getString("purpose");
        e.clientAddress = row.getString("client_address");
        e.userAgent = row.getString("user_agent");
        e.requestId = row.getString("request_id");
        return e;
    }
}
