package org.borderwatch.audit.service;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.borderwatch.audit.AuditCheckpoint;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Writes each signed checkpoint to a directory outside the database as well: a witness copy. */
@ApplicationScoped
public class WitnessCopies {

    private static final Logger LOG = Logger.getLogger(WitnessCopies.class);
    private final Vertx vertx;
    private final Path directory;

    public WitnessCopies(Vertx vertx, @ConfigProperty(name = "borderwatch.audit.witness-dir") String directory) {
        this.vertx = vertx;
        this.directory = Path.of(directory);
    }

    public void keep(AuditCheckpoint checkpoint) {
        Path file = directory.resolve(String.format("checkpoint-%010d.jws", checkpoint.number));
        vertx.fileSystem().mkdirs(directory.toString())
                .compose(made -> vertx.fileSystem().writeFile(file.toString(), Buffer.buffer(checkpoint.jws + "\n")))
                .onFailure(failure -> LOG.errorf("witness copy of checkpoint %d not written to %s: %s",
                        checkpoint.number, file, failure.getMessage()));
    }
}
