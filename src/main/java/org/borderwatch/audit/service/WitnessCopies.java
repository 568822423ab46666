package org.borderwatch.audit.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.borderwatch.audit.chain.CheckpointStatement;
import org.borderwatch.security.ServiceSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Witness copies of the signed checkpoints, in a directory outside the database's control: append-only, a file per
 * checkpoint, created new and never overwritten. A database administrator who rewrites the chain and lets it be
 * signed again is contradicted by them (AuditVerifier reports FORKED, AuditSealer refuses to sign).
 */
@ApplicationScoped
public class WitnessCopies {

    /** A checkpoint that differs from the witness copy of the same number. */
    public static final class Contradiction extends RuntimeException {
        Contradiction(long number) {
            super("checkpoint " + number + " differs from its witness copy");
        }
    }

    private static final Logger LOG = Logger.getLogger(WitnessCopies.class);
    private final FileSystem files;
    private final ServiceSigner signer;
    private final Path directory;
    /** The highest number known to have a copy; -1 until the directory was read once. */
    private final AtomicLong highest = new AtomicLong(-1);

    public WitnessCopies(Vertx vertx, ServiceSigner signer, @ConfigProperty(name = "borderwatch.audit.witness-dir") String directory) {
        this.files = vertx.fileSystem();
        this.signer = signer;
        this.directory = Path.of(directory);
    }

    /**
     * Writes the copy, create-new only; an existing copy must be the same checkpoint, or it is a Contradiction. The copy
     * is written whole to a temporary file and forced to storage first, then published under its name by a hard link,
     * which fails when the name exists: a crash never leaves a copy cut short, and a copy is never replaced.
     */
    public Uni<Void> keep(long number, String jws) {
        String file = file(number);
        String temp = directory.resolve(".checkpoint-" + number + "-" + java.util.UUID.randomUUID() + ".tmp").toString();
        Uni<Void> created = uni(files.mkdirs(directory.toString())
                .compose(made -> files.open(temp, new OpenOptions().setWrite(true).setCreateNew(true).setDsync(true)))
                .compose(handle -> handle.write(Buffer.buffer(jws + "\n")).compose(written -> handle.flush()).compose(flushed -> handle.close()))
                .compose(closed -> files.link(file, temp))
                .eventually(ignored -> files.delete(temp)));
        return created.invoke(() -> highest.accumulateAndGet(number, Math::max))
                .onFailure().recoverWithUni(failure -> read(number).map(existing -> {
                    if (existing == null) {
                        throw new IllegalStateException("witness copy " + file + " not written: " + failure.getMessage(), failure);
                    }
                    if (!existing.equals(jws)) {
                        throw new Contradiction(number);
                    }
                    return null;
                }));
    }

    /** The copy of checkpoint {@code number}, or null when there is none. */
    public Uni<String> read(long number) {
        String file = file(number);
        return uni(files.exists(file)).chain(exists -> exists
                ? uni(files.readFile(file)).map(buffer -> buffer.toString().trim())
                : Uni.createFrom().nullItem());
    }

    /** The statement of the newest copy validly signed by a checkpoint key, or null when there is none. */
    public Uni<CheckpointStatement> latest() {
        return known().chain(this::probeFrom).chain(number -> number < 1 ? Uni.createFrom().nullItem()
                : read(number).map(jws -> jws == null ? null
                        : signer.checkpointClaims(jws).map(claims -> CheckpointStatement.of(jws, claims)).orElseGet(() -> {
                            LOG.errorf("witness copy %s is not a signed checkpoint", file(number));
                            return null;
                        })));
    }

    private Uni<Long> known() {
        if (highest.get() >= 0) {
            return Uni.createFrom().item(highest.get());
        }
        return uni(files.exists(directory.toString())).chain(exists -> !exists ? Uni.createFrom().item(0L)
                : uni(files.readDir(directory.toString(), "checkpoint-\\d{10}\\.jws")).map(names -> names.stream()
                        .map(name -> Long.parseLong(name.substring(name.length() - 14, name.length() - 4)))
                        .max(Long::compare).orElse(0L)))
                .invoke(found -> highest.accumulateAndGet(found, Math::max));
    }

    /** Copies that other replicas wrote since: the next numbers, while they exist. */
    private Uni<Long> probeFrom(long number) {
        return uni(files.exists(file(number + 1))).chain(exists -> {
            if (!exists) {
                return Uni.createFrom().item(number);
            }
            highest.accumulateAndGet(number + 1, Math::max);
            return probeFrom(number + 1);
        });
    }

    private String file(long number) {
        return directory.resolve(String.format("checkpoint-%010d.jws", number)).toString();
    }

    private static <T> Uni<T> uni(Future<T> future) {
        return Uni.createFrom().completionStage(future.toCompletionStage());
    }
}
