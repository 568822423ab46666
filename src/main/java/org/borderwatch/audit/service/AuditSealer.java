package org.borderwatch.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.audit.AuditCheckpoint;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.AuditSeal;
import org.borderwatch.security.ServiceSigner;
import org.borderwatch.audit.chain.CheckpointStatement;
import org.borderwatch.audit.chain.EventCanonicalForm;
import org.borderwatch.audit.repository.AuditChainRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals committed audit events into the hash chain in batches, outside the requests that wrote them,
 * so ingestion is never serialized on the chain. One sealer at a time across replicas (advisory lock).
 * After sealing it signs a checkpoint every N events or T time, and at least hourly.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Duration AT_LEAST = Duration.ofHours(1);
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuditSealer.class);
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private final AuditChainRepository chain;
    private final ServiceSigner signer;
    private final WitnessCopies witness;
    private final Clock clock;
    private final int batch;
    private final long everyEvents;
    private final Duration every;

    public AuditSealer(AuditChainRepository chain, ServiceSigner signer, WitnessCopies witness, Clock clock,
                       @ConfigProperty(name = "borderwatch.audit.seal-batch") int batch,
                       @ConfigProperty(name = "borderwatch.audit.checkpoint-every-events") long everyEvents,
                       @ConfigProperty(name = "borderwatch.audit.checkpoint-every") Duration every) {
        this.chain = chain;
        this.signer = signer;
        this.witness = witness;
        this.clock = clock;
        this.batch = batch;
        this.everyEvents = everyEvents;
        this.every = every;
    }

    /** Batches that a single tick may seal back to back before it yields to the next tick. */
    private static final int MAX_BATCHES_PER_TICK = 200;

    /**
     * Seals what is pending: a batch per transaction, and as long as batches come back full another one at once,
     * so that a backlog is worked off at the speed of the database rather than at one batch per tick.
     */
    @Scheduled(every = "${borderwatch.audit.seal-every}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> sealPending() {
        return witness.latest().chain(witnessed -> Multi.createBy().repeating().uni(() -> sealBatch(witnessed))
                        .whilst(sealed -> sealed == batch)
                        .select().first(MAX_BATCHES_PER_TICK)
                        .collect().last())
                .chain(this::witnessNewCheckpoints);
    }

    /**
     * Copies checkpoints that have no witness copy yet, after their transaction committed: a copy is never of a
     * checkpoint the database does not have.
     */
    private Uni<Void> witnessNewCheckpoints(Integer ignored) {
        return witness.latest().chain(witnessed -> chain.checkpoints(witnessed == null ? 0 : witnessed.number(), 100))
                .chain(checkpoints -> Multi.createFrom().iterable(checkpoints)
                        .onItem().transformToUniAndConcatenate(c -> witness.keep(c.number, c.jws)
                                .onFailure().invoke(failure -> LOG.errorf("witness copy of checkpoint %d: %s", c.number, failure.getMessage()))
                                .onFailure().recoverWithNull())
                        .collect().last().replaceWithVoid());
    }

    /**
     * Seals up to one batch in one transaction and answers how many events it sealed; {@code witnessed} is the newest
     * witness copy, read before the transaction, which the chain to be signed must agree with.
     */
    @WithTransaction
    public Uni<Integer> sealBatch(CheckpointStatement witnessed) {
        return chain.lockSealer().chain(locked -> locked
                ? chain.lastSeal().chain(last -> chain.lastCheckpoint().chain(checkpoint -> {
                    if (checkpoint != null && checkpoint.lastPosition > (last == null ? 0 : last.position)) {
                        // Never extend a chain whose signed tail is gone: that would hide the truncation.
                        LOG.errorf("audit chain ends at %d but checkpoint %d covers %d: sealing stopped, verify the log",
                                last == null ? 0 : last.position, checkpoint.number, checkpoint.lastPosition);
                        return Uni.createFrom().item(0);
                    }
                    return chain.settledBelow()
                            .chain(settled -> chain.unsealed(last == null ? -1 : last.tx, last == null ? BEFORE_ALL : last.eventId, settled, batch))
                            .chain(events -> seal(last, events).chain(sealed -> checkpointIfDue(sealed, witnessed)).replaceWith(events.size()));
                }))
                : Uni.createFrom().item(0));
    }

    private Uni<AuditSeal> seal(AuditSeal last, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(last);
        }
        long position = last == null ? 0 : last.position;
        String hash = last == null ? EventCanonicalForm.GENESIS : last.hash;
        Instant now = clock.instant();
        List<AuditSeal> seals = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            AuditSeal seal = new AuditSeal();
            seal.position = ++position;
            seal.eventId = event.id;
            seal.tx = event.tx;
            seal.hash = hash = EventCanonicalForm.chain(hash, event);
            seal.sealedAt = now;
            seals.add(seal);
        }
        return chain.seal(seals).replaceWith(seals.get(seals.size() - 1));
    }

    private Uni<Void> checkpointIfDue(AuditSeal lastSeal, CheckpointStatement witnessed) {
        if (!signer.signsCheckpoints()) {
            return Uni.createFrom().voidItem();
        }
        return chain.lastCheckpoint().chain(previous -> {
            long covered = previous == null ? 0 : previous.lastPosition;
            long sealed = lastSeal == null ? 0 : lastSeal.position;
            Duration age = previous == null ? AT_LEAST : Duration.between(previous.signedAt, clock.instant());
            boolean due = sealed - covered >= everyEvents || (sealed > covered && age.compareTo(every) >= 0)
                    || age.compareTo(AT_LEAST) >= 0;
            if (!due) {
                return Uni.createFrom().voidItem();
            }
            return contradicts(witnessed, previous).chain(contradicted -> {
                if (contradicted) {
                    return Uni.createFrom().voidItem();
                }
                return chain.addCheckpoint(checkpoint(previous, covered, sealed, lastSeal));
            });
        });
    }

    /** Whether the chain in the database disagrees with the newest witness copy: then nothing is signed. */
    private Uni<Boolean> contradicts(CheckpointStatement witnessed, AuditCheckpoint previous) {
        if (witnessed == null) {
            return Uni.createFrom().item(false);
        }
        if (previous == null || previous.number < witnessed.number()) {
            LOG.errorf("witness copy of checkpoint %d exists but the database's checkpoints end at %s: signing stopped, verify the log",
                    witnessed.number(), previous == null ? "none" : String.valueOf(previous.number));
            return Uni.createFrom().item(true);
        }
        Uni<String> hash = witnessed.lastPosition() == 0 ? Uni.createFrom().item(EventCanonicalForm.GENESIS)
                : chain.sealAt(witnessed.lastPosition()).map(seal -> seal == null ? null : seal.hash);
        return hash.map(found -> {
            boolean differs = !witnessed.lastHash().equals(found);
            if (differs) {
                LOG.errorf("the chain at position %d differs from witnessed checkpoint %d: signing stopped, verify the log",
                        witnessed.lastPosition(), witnessed.number());
            }
            return differs;
        });
    }

    private AuditCheckpoint checkpoint(AuditCheckpoint previous, long covered, long sealed, AuditSeal lastSeal) {
        AuditCheckpoint checkpoint = new AuditCheckpoint();
        checkpoint.number = previous == null ? 1 : previous.number + 1;
        checkpoint.firstPosition = CheckpointStatement.firstPosition(covered, sealed);
        checkpoint.lastPosition = sealed;
        checkpoint.lastHash = lastSeal == null ? EventCanonicalForm.GENESIS : lastSeal.hash;
        checkpoint.previousSignature = previous == null ? null : previous.jws.substring(previous.jws.lastIndexOf('.') + 1);
        checkpoint.keyId = signer.checkpointKeyId();
        checkpoint.signedAt = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", CheckpointStatement.ISSUER);
        claims.put("checkpoint", checkpoint.number);
        claims.put("firstPosition", checkpoint.firstPosition);
        claims.put("lastPosition", checkpoint.lastPosition);
        claims.put("lastHash", checkpoint.lastHash);
        if (checkpoint.previousSignature != null) {
            claims.put("previousSignature", checkpoint.previousSignature);
        }
        claims.put("iat", checkpoint.signedAt.getEpochSecond());
        checkpoint.jws = signer.signCheckpoint(claims);
        return checkpoint;
    }
}
