package org.borderwatch.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.borderwatch.audit.AuditEvent;

/** Appends access records on a connection of the reactive client, many in one statement, in its caller's transaction. */
@ApplicationScoped
public class AuditEventWriter {

    private static final String INSERT = """
            insert into audit_event (id, occurred_at, subject, agency, roles, device_id, action, resource_type, resource_id,
                                     resource_agency, outcome, reason, purpose, client_address, user_agent, request_id)
            select * from unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                                 $15::text[], $16::text[])
            """;

    public Uni<Void> append(SqlConnection connection, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.from(List.of(
                events.stream().map(event -> event.id).toArray(UUID[]::new),
                events.stream().map(event -> OffsetDateTime.ofInstant(event.occurredAt, ZoneOffset.UTC)).toArray(OffsetDateTime[]::new),
                texts(events, event -> event.subject),
                texts(events, event -> event.agency),
                texts(events, event -> event.roles),
                texts(events, event -> event.deviceId),
                texts(events, event -> event.action.name()),
                texts(events, event -> event.resourceType),
                texts(events, event -> event.resourceId),
                texts(events, event -> event.resourceAgency),
                texts(events, event -> event.outcome.name()),
                texts(events, event -> event.reason),
                texts(events, event -> event.purpose),
                texts(events, event -> event.clientAddress),
                texts(events, event -> event.userAgent),
                texts(events, event -> event.requestId)));
        return connection.preparedQuery(INSERT).execute(columns).replaceWithVoid();
    }

    private static String[] texts(List<AuditEvent> events, Function<AuditEvent, String> column) {
        return events.stream().map(column).toArray(String[]::new);
    }
}
