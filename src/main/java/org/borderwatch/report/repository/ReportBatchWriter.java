package org.borderwatch.report.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.borderwatch.report.Report;

/**
 * New reports inserted many at a time, in one statement on a connection of the reactive client (no ORM work per
 * report). An id that exists already is left as it is, and a concurrent insert of the same id waits for the other
 * transaction: retries never create a second row.
 */
@ApplicationScoped
public class ReportBatchWriter {

    private static final String INSERT = """
            insert into report (id, agency, reporter, device_id, status, category, occurred_at, lat, lon, accuracy_meters,
                                border_gate, border_marker, impact, narrative, content, origin_hash, version, received_at, updated_at)
            select id, agency, reporter, device_id, status, category, occurred_at, lat, lon, accuracy_meters, border_gate,
                   border_marker, impact, narrative, cast(content as jsonb), origin_hash, 1, received_at, received_at
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                        $8::float8[], $9::float8[], $10::float8[], $11::text[], $12::text[], $13::text[], $14::text[],
                        $15::text[], $16::text[], $17::timestamptz[])
                 as filed (id, agency, reporter, device_id, status, category, occurred_at, lat, lon, accuracy_meters,
                           border_gate, border_marker, impact, narrative, content, origin_hash, received_at)
            on conflict (id) do nothing
            returning id
            """;

    /** Inserts the reports (distinct ids) that do not exist yet; answers the ids it inserted. */
    public Uni<Set<UUID>> insertIfAbsent(SqlConnection connection, List<Report> reports) {
        Tuple columns = Tuple.from(List.of(
                reports.stream().map(report -> report.id).toArray(UUID[]::new),
                texts(reports, report -> report.agency),
                texts(reports, report -> report.reporter),
                texts(reports, report -> report.deviceId),
                texts(reports, report -> report.status.name()),
                texts(reports, report -> report.category.name()),
                times(reports, report -> report.occurredAt),
                numbers(reports, report -> report.lat),
                numbers(reports, report -> report.lon),
                numbers(reports, report -> report.accuracyMeters),
                texts(reports, report -> report.borderGate),
                texts(reports, report -> report.borderMarker),
                texts(reports, report -> report.impact == null ? null : report.impact.name()),
                texts(reports, report -> report.narrative),
                texts(reports, report -> report.content),
                texts(reports, report -> report.originHash),
                times(reports, report -> report.receivedAt)));
        return connection.preparedQuery(INSERT).execute(columns).map(rows -> {
            Set<UUID> inserted = new HashSet<>();
            for (Row row : rows) {
                inserted.add(row.getUUID(0));
            }
            return inserted;
        });
    }

    private static String[] texts(List<Report> reports, Function<Report, String> column) {
        return reports.stream().map(column).toArray(String[]::new);
    }

    private static Double[] numbers(List<Report> reports, Function<Report, Double> column) {
        return reports.stream().map(column).toArray(Double[]::new);
    }

    private static OffsetDateTime[] times(List<Report> reports, Function<Report, Instant> column) {
        return reports.stream().map(column).map(time -> OffsetDateTime.ofInstant(time, ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
    }
}
