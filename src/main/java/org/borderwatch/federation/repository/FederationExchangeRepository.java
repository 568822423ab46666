package org.borderwatch.federation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The federation's exchange tables: the queue of share changes, each partner's collection of signed objects, what was
 * received from each partner, and where polling each stands.
 */
@ApplicationScoped
public class FederationExchangeRepository {

    /** The one publisher across replicas: every row of every collection is added under this lock. */
    private static final long PUBLISHER_LOCK = 0x4257_4645_4450_5542L;

    /** One object version of a partner's collection. */
    public record Entry(long seq, String stixId, String type, String modified, Instant dateAdded, String object, String jws) {
    }

    /** What TAXII's filters ask for; null means not filtered. */
    public record Match(List<String> ids, List<String> types, String version) {
    }

    /** One published object's delivery state. */
    public record Delivery(UUID partnerId, String stixId, String type, String modified, Instant dateAdded, Instant receiptedAt, boolean recall,
                           long recallDeadlineSeconds) {

        /** A recall not receipted within the partner's deadline. */
        public boolean overdue(Instant now) {
            return recall && receiptedAt == null && dateAdded.plusSeconds(recallDeadlineSeconds).isBefore(now);
        }
    }

    public record Queued(long eventSeq, UUID shareId, String kind) {
    }

    public record PollState(String addedAfter, Instant nextPollAt, int failures, String lastError, Instant lastSuccessAt, long refused) {
    }

    public Uni<Void> lockPublisher() {
        return Panache.getSession().chain(session -> session.createNativeQuery("select count(*) from (select pg_advisory_xact_lock("
                + PUBLISHER_LOCK + ")) locked", Long.class).getSingleResult()).replaceWithVoid();
    }

    public Uni<Boolean> tryLockPublisher() {
        return Panache.getSession().chain(session -> session.createNativeQuery("select pg_try_advisory_xact_lock(" + PUBLISHER_LOCK + ")",
                Boolean.class).getSingleResult());
    }

    public Uni<List<Queued>> queued(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select event_seq, share_id, kind from federation_queue order by event_seq limit :limit", Object[].class)
                .setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(r -> new Queued(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2])).toList());
    }

    public Uni<Void> dequeue(List<Long> eventSeqs) {
        return eventSeqs.isEmpty() ? Uni.createFrom().voidItem() : Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from federation_queue where event_seq in (:seqs)").setParameter("seqs", eventSeqs).executeUpdate()).replaceWithVoid();
    }

    /** Adds an object version to a partner's collection unless it is there; date_added grows strictly per partner. */
    public Uni<Boolean> add(UUID partner, String stixId, String type, String modified, UUID shareId, String object, String jws, String sha256) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into federation_object (partner_id, stix_id, stix_type, modified, date_added, share_id, object, jws, sha256) "
                                + "values (:partner, :id, :type, :modified, greatest(clock_timestamp(), (select max(date_added) + interval '1 microsecond' "
                                + "from federation_object where partner_id = :partner)), :share, :object, :jws, :sha) "
                                + "on conflict (partner_id, stix_id, modified) do nothing")
                .setParameter("partner", partner).setParameter("id", stixId).setParameter("type", type).setParameter("modified", modified)
                .setParameter("share", shareId).setParameter("object", object).setParameter("jws", jws).setParameter("sha", sha256)
                .executeUpdate()).map(count -> count > 0);
    }

    public Uni<Boolean> has(UUID partner, String stixId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from federation_object where partner_id = :partner and stix_id = :id", Long.class)
                .setParameter("partner", partner).setParameter("id", stixId).getSingleResult()).map(count -> count > 0);
    }

    /** The messages of a share written here and not yet in a partner's collection, oldest first (never a partner's relayed). */
    public Uni<List<org.borderwatch.sharing.ShareMessage>> unpublishedMessages(UUID shareId, UUID partner) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select m.* from share_message m where m.share_id = :share and m.origin_installation is null "
                                + "and not exists (select 1 from federation_object o where o.partner_id = :partner and o.stix_id = 'note--' || m.id) "
                                + "order by m.created_at, m.id limit 500", org.borderwatch.sharing.ShareMessage.class)
                .setParameter("share", shareId).setParameter("partner", partner).getResultList());
    }

    /**
     * A page of a partner's collection after a position ({@code next}) or a time ({@code added_after}), oldest first,
     * one more than asked so the caller knows whether there is more. Version "last" (TAXII's default) keeps only the
     * newest version of each object, "first" the oldest, "all" every one, a timestamp exactly that version.
     */
    public Uni<List<Entry>> page(UUID partner, long afterSeq, Instant addedAfter, Match match, int limit) {
        StringBuilder sql = new StringBuilder("select o.seq, o.stix_id, o.stix_type, o.modified, o.date_added, o.object, o.jws "
                + "from federation_object o where o.partner_id = :partner and o.seq > :after and o.date_added > :addedAfter");
        if (match.ids() != null) {
            sql.append(" and o.stix_id in (:ids)");
        }
        if (match.types() != null) {
            sql.append(" and o.stix_type in (:types)");
        }
        switch (match.version() == null ? "last" : match.version()) {
            case "all" -> { }
            case "last" -> sql.append(" and o.modified = (select max(v.modified) from federation_object v where v.partner_id = o.partner_id "
                    + "and v.stix_id = o.stix_id)");
            case "first" -> sql.append(" and o.modified = (select min(v.modified) from federation_object v where v.partner_id = o.partner_id "
                    + "and v.stix_id = o.stix_id)");
            default -> sql.append(" and o.modified = :version");
        }
        sql.append(" order by o.seq limit :limit");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Object[].class).setParameter("partner", partner).setParameter("after", afterSeq)
                    .setParameter("addedAfter", (addedAfter == null ? Instant.EPOCH : addedAfter).atOffset(ZoneOffset.UTC))
                    .setParameter("limit", limit + 1);
            if (match.ids() != null) {
                query.setParameter("ids", match.ids());
            }
            if (match.types() != null) {
                query.setParameter("types", match.types());
            }
            if (match.version() != null && !List.of("all", "last", "first").contains(match.version())) {
                query.setParameter("version", match.version());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(FederationExchangeRepository::entry).toList());
    }

    private static Entry entry(Object[] r) {
        return new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], instant(r[4]), (String) r[5], (String) r[6]);
    }

    /** Marks a published object version receipted by its partner, if the receipt names exactly what was published. */
    public Uni<Boolean> receipted(UUID partner, String stixId, String modified, String sha256, String receipt, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update federation_object set receipted_at = :at, receipt = :receipt where partner_id = :partner and stix_id = :id "
                                + "and modified = :modified and sha256 = :sha and receipted_at is null")
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("receipt", receipt).setParameter("partner", partner)
                .setParameter("id", stixId).setParameter("modified", modified).setParameter("sha", sha256).executeUpdate()).map(n -> n > 0);
    }

    /** What was published about a share, to every partner, in the order added. */
    public Uni<List<Delivery>> deliveries(UUID shareId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select o.partner_id, o.stix_id, o.stix_type, o.modified, o.date_added, o.receipted_at, o.object like '%\"revoked\":true%', "
                                + "p.recall_deadline_seconds from federation_object o join federation_partner p on p.id = o.partner_id "
                                + "where o.share_id = :share order by o.seq limit 1000", Object[].class)
                .setParameter("share", shareId).getResultList())
                .map(rows -> rows.stream().map(r -> new Delivery((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], instant(r[4]),
                        instant(r[5]), (Boolean) r[6], ((Number) r[7]).longValue())).toList());
    }

    /** Counts of a partner's objects not yet receipted, and of recalls not receipted before the deadline. */
    public Uni<long[]> outstanding(UUID partner, Instant recallDeadline) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) filter (where receipted_at is null and stix_type <> 'x-borderwatch-receipt'), "
                                + "count(*) filter (where receipted_at is null and stix_type = 'report' and object like '%\"revoked\":true%' "
                                + "and date_added < :deadline) from federation_object where partner_id = :partner", Object[].class)
                .setParameter("partner", partner).setParameter("deadline", recallDeadline.atOffset(ZoneOffset.UTC)).getSingleResult())
                .map(r -> new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()});
    }

    public Uni<Boolean> wasReceived(UUID partner, String stixId, String modified) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select count(*) from federation_received where partner_id = :partner "
                        + "and stix_id = :id and modified = :modified", Long.class)
                .setParameter("partner", partner).setParameter("id", stixId).setParameter("modified", modified).getSingleResult())
                .map(count -> count > 0);
    }

    /** The number of the newest of this installation's checkpoints in the partner's collection (0: none yet). */
    public Uni<Long> lastCheckpointPublished(UUID partner) {
        // checkpoints are added in number order, so the newest added is the highest: found by index, one row parsed
        return Panache.getSession().chain(session -> session.createNativeQuery("select cast(cast(object as jsonb) ->> 'checkpoint_number' as bigint) "
                        + "from federation_object where partner_id = :partner and stix_type = 'x-borderwatch-checkpoint' order by date_added desc limit 1",
                        Long.class).setParameter("partner", partner).getResultList()).map(rows -> rows.isEmpty() ? 0L : rows.get(0));
    }

    /** The partner's checkpoint of that number as witnessed here, or null. */
    public Uni<String> witnessed(UUID partner, long number) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select jws from federation_witnessed where partner_id = :partner "
                        + "and number = :number", String.class).setParameter("partner", partner).setParameter("number", number).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The newest of the partner's checkpoints witnessed here, or null. */
    public Uni<String> lastWitnessed(UUID partner) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select jws from federation_witnessed where partner_id = :partner "
                        + "order by number desc limit 1", String.class).setParameter("partner", partner).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Void> witness(UUID partner, long number, long lastPosition, String lastHash, String jws, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into federation_witnessed (partner_id, number, last_position, "
                        + "last_hash, jws, witnessed_at) values (:partner, :number, :position, :hash, :jws, :at)")
                .setParameter("partner", partner).setParameter("number", number).setParameter("position", lastPosition).setParameter("hash", lastHash)
                .setParameter("jws", jws).setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> cosigned(UUID partner, long number, String checkpointSha256, String jws, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into federation_cosignature (partner_id, number, "
                        + "checkpoint_sha256, jws, received_at) values (:partner, :number, :sha, :jws, :at) on conflict do nothing")
                .setParameter("partner", partner).setParameter("number", number).setParameter("sha", checkpointSha256).setParameter("jws", jws)
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate()).replaceWithVoid();
    }

    /** How witnessing stands with a partner: its newest checkpoint witnessed here, ours it cosigned, ours it contradicted. */
    public Uni<long[]> witnessing(UUID partner) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select (select coalesce(max(number), 0) from federation_witnessed "
                        + "where partner_id = :partner), (select coalesce(max(number), 0) from federation_cosignature where partner_id = :partner), "
                        + "(select count(*) from federation_received where partner_id = :partner and stix_id like 'x-borderwatch-cosignature--%' "
                        + "and object like '%\"verdict\":\"contradicted\"%')", Object[].class).setParameter("partner", partner).getSingleResult())
                .map(r -> new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
    }

    /** Records an object version received from a partner; false when it was received before (applied once only). */
    public Uni<Boolean> received(UUID partner, String stixId, String modified, String object, String jws, String sha256, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into federation_received (partner_id, stix_id, modified, object, jws, sha256, received_at) "
                                + "values (:partner, :id, :modified, :object, :jws, :sha, :at) on conflict do nothing")
                .setParameter("partner", partner).setParameter("id", stixId).setParameter("modified", modified).setParameter("object", object)
                .setParameter("jws", jws).setParameter("sha", sha256).setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate())
                .map(count -> count > 0);
    }

    /**
     * Takes the partner's poll if it is due (a lease, so that one replica polls a partner at a time) and answers where
     * polling stands, or null when it is not due or another replica has it.
     */
    public Uni<PollState> claimPoll(UUID partner, Instant now, Instant leaseUntil) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into federation_poll (partner_id, next_poll_at) values (:partner, :now) on conflict do nothing")
                .setParameter("partner", partner).setParameter("now", now.atOffset(ZoneOffset.UTC)).executeUpdate()
                .chain(() -> session.createNativeQuery("update federation_poll set next_poll_at = :lease where partner_id = :partner "
                                + "and next_poll_at <= :now returning added_after, next_poll_at, failures, last_error, last_success_at, refused", Object[].class)
                        .setParameter("lease", leaseUntil.atOffset(ZoneOffset.UTC)).setParameter("partner", partner)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC)).getResultList()))
                .map(rows -> rows.isEmpty() ? null : state(rows.get(0)));
    }

    public Uni<PollState> pollState(UUID partner) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select added_after, next_poll_at, failures, last_error, "
                        + "last_success_at, refused from federation_poll where partner_id = :partner", Object[].class)
                .setParameter("partner", partner).getResultList()).map(rows -> rows.isEmpty() ? null : state(rows.get(0)));
    }

    private static PollState state(Object[] r) {
        return new PollState((String) r[0], instant(r[1]), ((Number) r[2]).intValue(), (String) r[3], instant(r[4]), ((Number) r[5]).longValue());
    }

    /** After objects were applied: where the next poll starts, and when. */
    public Uni<Void> polled(UUID partner, String addedAfter, Instant at, Instant next) {
        return Panache.getSession().chain(session -> session.createNativeQuery("update federation_poll set added_after = coalesce(:after, added_after), "
                        + "failures = 0, last_error = null, last_success_at = :at, next_poll_at = :next where partner_id = :partner")
                .setParameter("after", addedAfter).setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("next", next.atOffset(ZoneOffset.UTC))
                .setParameter("partner", partner).executeUpdate()).replaceWithVoid();
    }

    /** A poll that failed (partner down, or an object refused): retried at {@code next}; nothing after it was applied. */
    public Uni<Void> pollFailed(UUID partner, String addedAfter, String error, boolean refused, Instant next) {
        return Panache.getSession().chain(session -> session.createNativeQuery("update federation_poll set added_after = coalesce(:after, added_after), "
                        + "failures = failures + 1, last_error = :error, refused = refused + :refused, next_poll_at = :next where partner_id = :partner")
                .setParameter("after", addedAfter).setParameter("error", error).setParameter("refused", refused ? 1 : 0)
                .setParameter("next", next.atOffset(ZoneOffset.UTC)).setParameter("partner", partner).executeUpdate()).replaceWithVoid();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof OffsetDateTime odt ? odt.toInstant() : value instanceof Instant i ? i
                : ((java.sql.Timestamp) value).toInstant();
    }
}
