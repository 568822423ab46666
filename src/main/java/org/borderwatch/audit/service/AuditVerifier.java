package org.borderwatch.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.audit.AuditCheckpoint;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.AuditSeal;
import org.borderwatch.security.ServiceSigner;
import org.borderwatch.audit.chain.EventCanonicalForm;
import org.borderwatch.audit.repository.AuditChainRepository;

/** Recomputes the hash chain over a range of positions and checks it against the signed checkpoints. */
@ApplicationScoped
public class AuditVerifier {

    /** Where the chain first goes wrong and how. */
    public enum Problem { MODIFIED, MISSING, REORDERED, TRUNCATED }

    public record Result(boolean ok, Long from, Long to, Long position, Problem problem) {
        static Result ok(long from, long to) {
            return new Result(true, from, to, null, null);
        }

        static Result broken(long position, Problem problem) {
            return new Result(false, null, null, position, problem);
        }
    }

    private static final int MAX_RANGE = 100_000;

    private final AuditChainRepository chain;
    private final ServiceSigner signer;

    public AuditVerifier(AuditChainRepository chain, ServiceSigner signer) {
        this.chain = chain;
        this.signer = signer;
    }

    @WithTransaction
    public Uni<Result> verify(Long requestedFrom, Long requestedTo) {
        return chain.lastSeal().chain(last -> chain.lastCheckpoint().chain(checkpoint -> {
            long sealed = last == null ? 0 : last.position;
            if (checkpoint != null && checkpoint.lastPosition > sealed) {
                return Uni.createFrom().item(Result.broken(sealed + 1, Problem.TRUNCATED));
            }
            long from = requestedFrom == null ? 1 : Math.max(1, requestedFrom);
            long to = Math.min(requestedTo == null ? sealed : requestedTo, Math.min(sealed, from + MAX_RANGE - 1));
            if (to < from) {
                return Uni.createFrom().item(Result.ok(from, to));
            }
            Uni<String> previous = from == 1 ? Uni.createFrom().item(EventCanonicalForm.GENESIS)
                    : chain.sealAt(from - 1).map(seal -> seal == null ? null : seal.hash);
            return previous.chain(start -> start == null ? Uni.createFrom().item(Result.broken(from - 1, Problem.MISSING))
                    : chain.seals(from, to).chain(seals -> chain.events(seals.stream().map(s -> s.eventId).toList())
                            .chain(events -> chain.checkpoints(0, 10_000)
                                    .map(checkpoints -> walk(start, from, to, seals, index(events), checkpoints)))));
        }));
    }

    private Result walk(String start, long from, long to, List<AuditSeal> seals, Map<UUID, AuditEvent> events,
                        List<AuditCheckpoint> checkpoints) {
        String previous = start;
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
            previous = seal.hash;
        }
        for (AuditCheckpoint checkpoint : checkpoints) {
            if (checkpoint.lastPosition < from || checkpoint.lastPosition > to) {
                continue;
            }
            String sealedHash = seals.get((int) (checkpoint.lastPosition - from)).hash;
            if (!sealedHash.equals(checkpoint.lastHash) || !signer.verifies(checkpoint.jws)) {
                return Result.broken(checkpoint.lastPosition, Problem.MODIFIED);
            }
        }
        return Result.ok(from, to);
    }

    private static Map<UUID, AuditEvent> index(List<AuditEvent> events) {
        Map<UUID, AuditEvent> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.id, event));
        return byId;
    }
}
