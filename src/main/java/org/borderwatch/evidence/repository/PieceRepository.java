package org.borderwatch.evidence.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borderwatch.evidence.storage.EvidenceStore;

/**
 * The bytes of uploads, piece by piece, on the blocking path (worker threads, JDBC): a piece is stored and the
 * upload's offset advanced in one transaction, so the offset a client resumes from always has its bytes behind it.
 */
@ApplicationScoped
public class PieceRepository {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PieceRepository.class);

    /** Another request moved the upload's offset first (concurrent PATCH), or the upload is no longer open. */
    public static class OffsetMoved extends Exception {
        OffsetMoved() {
            super(null, null, false, false);
        }
    }

    public record Piece(long start, int length) {
    }

    private final AgroalDataSource database;
    private final EvidenceStore store;

    public PieceRepository(AgroalDataSource database, EvidenceStore store) {
        this.database = database;
        this.store = store;
    }

    public void append(UUID upload, long offset, byte[] data, int length) throws SQLException, OffsetMoved {
        try (Connection tx = database.getConnection()) {
            tx.setAutoCommit(false);
            try {
                if (!advance(tx, upload, offset, length)) {
                    tx.rollback();
                    throw new OffsetMoved();
                }
                try (PreparedStatement piece = tx.prepareStatement(
                        "insert into evidence_piece (upload_id, start_offset, length) values (?, ?, ?)")) {
                    piece.setObject(1, upload);
                    piece.setLong(2, offset);
                    piece.setInt(3, length);
                    piece.executeUpdate();
                }
                store.put(tx, upload, offset, data, length);
                tx.commit();
            } catch (SQLException | OffsetMoved | RuntimeException e) {
                tx.rollback();
                throw e;
            } catch (Exception e) {
                tx.rollback();
                throw new SQLException("evidence store failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Drops the pieces from an offset on and moves the upload back to it (a PATCH whose checksum did not match). The
     * database decides first: an object outside the database is removed only after the transaction that let go of it
     * committed, so a rolled-back decision (the bytes became evidence meanwhile) never loses bytes.
     */
    public void truncate(UUID upload, long from) throws SQLException {
        List<Piece> dropped;
        try (Connection tx = database.getConnection()) {
            tx.setAutoCommit(false);
            try {
                dropped = pieces(tx, upload, from);
                for (Piece piece : dropped) {
                    store.delete(tx, upload, piece.start());
                    deleteIndex(tx, upload, piece.start());
                }
                try (PreparedStatement reset = tx.prepareStatement("update evidence_upload set upload_offset = ? where id = ?")) {
                    reset.setLong(1, from);
                    reset.setObject(2, upload);
                    reset.executeUpdate();
                }
                tx.commit();
            } catch (Exception e) {
                tx.rollback();
                throw new SQLException("evidence pieces could not be dropped: " + e.getMessage(), e);
            }
        }
        for (Piece piece : dropped) {
            try {
                store.purge(upload, piece.start());
            } catch (Exception e) {
                LOG.warnf("piece %d of upload %s stays in the object store (no longer referenced): %s", piece.start(), upload, e.getMessage());
            }
        }
    }

    /** Reclaims every byte of an upload that never became evidence (the database refuses it for evidence). */
    public void deleteAll(UUID upload) throws SQLException {
        truncate(upload, 0);
    }

    /** The bytes [from, to) of an upload, fetched one piece at a time as they are read. */
    public InputStream open(UUID upload, long from, long to) throws SQLException {
        List<Piece> pieces;
        try (Connection connection = database.getConnection()) {
            pieces = pieces(connection, upload, 0).stream().filter(p -> p.start() + p.length() > from && p.start() < to).toList();
        }
        return new PieceStream(upload, pieces, from, to);
    }

    public List<UUID> lapsed(java.time.Instant now, int limit) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select id from evidence_upload where status <> 'COMPLETE' and status <> 'EXPIRED' and expires_at <= ? "
                        + "order by expires_at limit ?")) {
            select.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
            select.setInt(2, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static boolean advance(Connection tx, UUID upload, long offset, int length) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement("update evidence_upload set upload_offset = upload_offset + ? "
                + "where id = ? and upload_offset = ? and status = 'UPLOADING' and upload_offset + ? <= length")) {
            update.setLong(1, length);
            update.setObject(2, upload);
            update.setLong(3, offset);
            update.setLong(4, length);
            return update.executeUpdate() == 1;
        }
    }

    private static List<Piece> pieces(Connection connection, UUID upload, long from) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select start_offset, length from evidence_piece where upload_id = ? and start_offset >= ? order by start_offset")) {
            select.setObject(1, upload);
            select.setLong(2, from);
            List<Piece> pieces = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pieces.add(new Piece(rows.getLong(1), rows.getInt(2)));
                }
            }
            return pieces;
        }
    }

    private static void deleteIndex(Connection tx, UUID upload, long start) throws SQLException {
        try (PreparedStatement delete = tx.prepareStatement("delete from evidence_piece where upload_id = ? and start_offset = ?")) {
            delete.setObject(1, upload);
            delete.setLong(2, start);
            delete.executeUpdate();
        }
    }

    /** Streams a byte range across pieces, holding one piece in memory at a time. */
    private final class PieceStream extends InputStream {
        private final UUID upload;
        private final List<Piece> pieces;
        private final long to;
        private long position;
        private int next;
        private byte[] current = new byte[0];
        private int currentStart;
        private int index;

        PieceStream(UUID upload, List<Piece> pieces, long from, long to) {
            this.upload = upload;
            this.pieces = pieces;
            this.position = from;
            this.to = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (position >= to) {
                return -1;
            }
            if (index >= current.length && !load()) {
                return -1;
            }
            int count = (int) Math.min(Math.min(len, current.length - index), to - position);
            System.arraycopy(current, index, buffer, off, count);
            index += count;
            position += count;
            return count;
        }

        private boolean load() throws IOException {
            if (next >= pieces.size()) {
                return false;
            }
            Piece piece = pieces.get(next++);
            try (Connection connection = database.getConnection()) {
                current = store.get(connection, upload, piece.start());
            } catch (Exception e) {
                throw new IOException("evidence piece could not be read", e);
            }
            currentStart = (int) Math.max(0, position - piece.start());
            index = currentStart;
            return true;
        }
    }
}
