package org.borderwatch.evidence.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import org.borderwatch.common.Awaiting;
import org.borderwatch.evidence.repository.PieceRepository;
import org.jboss.logging.Logger;

/** Reclaims the bytes of uploads that were abandoned, refused, or left incomplete past their expiry. */
@ApplicationScoped
public class UploadReclaimer {

    private static final Logger LOG = Logger.getLogger(UploadReclaimer.class);
    private static final int BATCH = 100;

    private final PieceRepository pieces;
    private final UploadService uploads;
    private final Clock clock;

    public UploadReclaimer(PieceRepository pieces, UploadService uploads, Clock clock) {
        this.pieces = pieces;
        this.uploads = uploads;
        this.clock = clock;
    }

    @Scheduled(every = "${borderwatch.evidence.reclaim-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reclaim() throws SQLException {
        for (UUID id : pieces.lapsed(clock.instant(), BATCH)) {
            reclaim(id);
        }
    }

    /**
     * Reclaims one lapsed upload. The database decides first, conditionally, so an upload that completed since it was
     * listed keeps every byte; the bytes go only after that decision committed. False when there was nothing to reclaim.
     */
    public boolean reclaim(UUID id) throws SQLException {
        if (!Awaiting.await(() -> uploads.expire(id))) {
            return false;
        }
        pieces.deleteAll(id);
        LOG.debugf("reclaimed the bytes of upload %s", id);
        return true;
    }
}
