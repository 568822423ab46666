package org.borderwatch.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.borderwatch.audit.AuditCheckpoint;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.AuditSeal;
import org.borderwatch.audit.chain.CheckpointStatement;
import org.borderwatch.audit.chain.EventCanonicalForm;
import org.borderwatch.audit.repository.AuditChainRepository;
import org.borderwatch.security.ServiceSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks every signed checkpoint by what its JWS says (signature, number, positions, last hash, previous signature,
 * issuer, key id) and against its witness copy, then recomputes the hash chain over a range of positions, page by
 * page, against the hashes the checkpoints vouch for.
 */
@ApplicationScoped
public class AuditVerifier {

    /** Where the chain first goes wrong and how. */
    public enum Problem { MODIFIED, MISSING, REORDERED, TRUNCATED, FORKED }

    public record Result(boolean ok, Long from, Long to, Long position, Problem problem) {
        static Result ok(long from, long to) {
            return new Result(true, from, to, null, null);
        }

        static Result broken(long position, Problem problem) {
            return new Result(false, null, null, position, problem);
        }
    }

    private static final int MAX_RANGE = 100_000;

    /** The checkpoints read so far: the last good one, the hashes vouched for inside the range, or what broke. */
    private static final class Checkpoints {
        final long from;
        final long to;
        final TreeMap<Long, String> vouched = new TreeMap<>();
        CheckpointStatement last;
        Result broken;

        Checkpoints(long from, long to) {
            this.from = from;
            this.to = to;
        }

        long covered() {
            return last == null ? 0 : last.lastPosition();
        }
    }

    private final AuditChainRepository chain;
    private final ServiceSigner signer;
    private final WitnessCopies witness;
    /** Positions per page (each binds at most this many event ids, one more for the swap check) and checkpoints per page. */
    private final int page;
    private final int checkpointPage;

    public AuditVerifier(AuditChainRepository chain, ServiceSigner signer, WitnessCopies witness,
                         @ConfigProperty(name = "borderwatch.audit.verify-page", defaultValue = "1000") int page,
                         @ConfigProperty(name = "borderwatch.audit.verify-checkpoint-page", defaultValue = "500") int checkpointPage) {
        this.chain = chain;
        this.signer = signer;
        this.witness = witness;
        this.page = page;
        this.checkpointPage = checkpointPage;
    }

    /**
     * Checkpoints are read before the last seal, so that a checkpoint committed meanwhile by a sealer (here or on another
     * replica) is never taken for a cut tail.
     */
    @WithTransaction
    public Uni<Result> verify(Long requestedFrom, Long requestedTo) {
        long from = requestedFrom == null ? 1 : Math.max(1, requestedFrom);
        long upTo = requestedTo == null ? Long.MAX_VALUE : requestedTo;
        return checkpoints(new Checkpoints(from, upTo), 0).chain(read -> read.broken != null ? Uni.createFrom().item(read.broken)
                : chain.lastSeal().chain(last -> {
                    long sealed = last == null ? 0 : last.position;
                    if (read.covered() > sealed) {
                        return Uni.createFrom().item(Result.broken(sealed + 1, Problem.TRUNCATED));
                    }
                    long to = Math.min(upTo, Math.min(sealed, from + MAX_RANGE - 1));
                    return to < from ? Uni.createFrom().item(Result.ok(from, to)) : walk(from, to, read.vouched);
                }));
    }

    /** Reads every checkpoint, a page at a time, until one is wrong or there are no more. */
    private Uni<Checkpoints> checkpoints(Checkpoints read, long after) {
        return chain.checkpoints(after, checkpointPage).chain(checkpoints -> Multi.createFrom().iterable(checkpoints)
                .onItem().transformToUniAndConcatenate(checkpoint -> read.broken != null ? Uni.createFrom().voidItem()
                        : witness.read(checkpoint.number).invoke(copy -> check(read, checkpoint, copy)).replaceWithVoid())
                .collect().last()
                .chain(done -> {
                    if (read.broken != null) {
                        return Uni.createFrom().item(read);
                    }
                    if (checkpoints.size() == checkpointPage) {
                        return checkpoints(read, checkpoints.get(checkpoints.size() - 1).number);
                    }
                    return unknownToTheDatabase(read);
                }));
    }

    private void check(Checkpoints read, AuditCheckpoint checkpoint, String copy) {
        CheckpointStatement statement = statement(checkpoint.jws);
        if (statement == null || !statement.follows(read.last)) {
            read.broken = Result.broken(read.covered() + 1, Problem.MODIFIED);
            return;
        }
        if (copy != null && !copy.equals(checkpoint.jws) && statement(copy) != null) {
            read.broken = Result.broken(read.covered() + 1, Problem.FORKED);
            return;
        }
        if (statement.lastPosition() >= read.from && statement.lastPosition() <= read.to) {
            read.vouched.put(statement.lastPosition(), statement.lastHash());
        }
        read.last = statement;
    }

    /**
     * A witness copy of a checkpoint after the database's last one: the database lost what was signed, unless a sealer
     * committed that checkpoint after it was read here (it copies to the witness only after its commit).
     */
    private Uni<Checkpoints> unknownToTheDatabase(Checkpoints read) {
        long next = read.last == null ? 1 : read.last.number() + 1;
        return witness.read(next).chain(copy -> copy == null || statement(copy) == null ? Uni.createFrom().item(read)
                : chain.checkpoints(next - 1, 1).map(found -> {
                    if (found.isEmpty() || !found.get(0).jws.equals(copy)) {
                        read.broken = Result.broken(read.covered() + 1, Problem.FORKED);
                    }
                    return read;
                }));
    }

    private CheckpointStatement statement(String jws) {
        return signer.checkpointClaims(jws).map(claims -> CheckpointStatement.of(jws, claims)).orElse(null);
    }

    /** Recomputes the chain over [from, to] a page at a time. */
    private Uni<Result> walk(long from, long to, Map<Long, String> vouched) {
        Uni<String> previous = from == 1 ? Uni.createFrom().item(EventCanonicalForm.GENESIS)
                : chain.sealAt(from - 1).map(seal -> seal == null ? null : seal.hash);
        return previous.chain(start -> start == null ? Uni.createFrom().item(Result.broken(from - 1, Problem.MISSING))
                : nextPage(start, from, from, to, vouched));
    }

    private Uni<Result> nextPage(String start, long first, long from, long to, Map<Long, String> vouched) {
        long last = Math.min(to, from + page - 1);
        return chain.seals(from, last + 1).chain(seals -> chain.events(seals.stream().map(s -> s.eventId).toList())
                .chain(events -> {
                    String[] end = {start};
                    Result broken = walkPage(end, from, last, seals, index(events), vouched);
                    if (broken != null) {
                        return Uni.createFrom().item(broken);
                    }
                    return last == to ? Uni.createFrom().item(Result.ok(first, to)) : nextPage(end[0], first, last + 1, to, vouched);
                }));
    }

    /** Walks one page; answers what broke, or null with {@code hash[0]} set to the hash at {@code to}. */
    private static Result walkPage(String[] hash, long from, long to, List<AuditSeal> seals, Map<UUID, AuditEvent> events,
                                   Map<Long, String> vouched) {
        String previous = hash[0];
        for (int i = 0; i <= to - from; i++) {
            long position = from + i;
            AuditSeal seal = i < seals.size() ? seals.get(i) : null;
            if (seal == null || seal.position != position || !events.containsKey(seal.eventId)) {
                return Result.broken(position, Problem.MISSING);
            }
            if (!EventCanonicalForm.chain(previous, events.get(seal.eventId)).equals(seal.hash)) {
                AuditSeal next = i + 1 < seals.size() ? seals.get(i + 1) : null;
                boolean swapped = next != null && events.containsKey(next.eventId)
                        && EventCanonicalForm.chain(previous, events.get(next.eventId)).equals(seal.hash);
                return Result.broken(position, swapped ? Problem.REORDERED : Problem.MODIFIED);
            }
            if (vouched.containsKey(position) && !vouched.get(position).equals(seal.hash)) {
                return Result.broken(position, Problem.MODIFIED);
            }
            previous = seal.hash;
        }
        hash[0] = previous;
        return null;
    }

    private static Map<UUID, AuditEvent> index(List<AuditEvent> events) {
        Map<UUID, AuditEvent> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.id, event));
        return byId;
    }
}
