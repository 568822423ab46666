package org.borderwatch.audit.repository;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.borderwatch.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The access log cannot be changed: the service's role lacks the rights, and the owner is stopped by a trigger. */
@QuarkusTest
class AuditAppendOnlyTest {

    @ParameterizedTest
    @ValueSource(strings = {"update audit_event set reason = 'x'", "delete from audit_event", "truncate audit_event",
        "update audit_seal set hash = 'x'", "delete from audit_checkpoint", "alter table audit_event disable trigger all",
        "delete from audit_refusal_bucket", "update audit_refusal_bucket set first_event_id = gen_random_uuid()",
        "update audit_refusal_bucket set minute = now()"})
    void theServicesRoleCannotChangeTheLog(String sql) {
        Reports.filed(Tokens.officer("officer.qn", "VN-QN"), Reports.MINIMAL);
        SQLException refused = assertThrows(SQLException.class, () -> run(Db.connect(), sql));
        assertTrue(refused.getMessage().contains("permission denied") || refused.getMessage().contains("must be owner"),
                refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"update audit_event set reason = 'x'", "delete from audit_event",
        "truncate audit_event, audit_seal, audit_checkpoint"})
    void evenTheOwnerIsStoppedByTheTrigger(String sql) throws SQLException {
        Reports.filed(Tokens.officer("officer.qn", "VN-QN"), Reports.MINIMAL);
        var config = ConfigProvider.getConfig();
        Connection owner = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
        SQLException refused = assertThrows(SQLException.class, () -> run(owner, sql));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (connection; var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
