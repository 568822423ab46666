package org.borderwatch.evidence.storage;

import java.sql.Connection;
import java.util.UUID;

/**
 * Where the bytes of evidence live, one piece (at most {@link #PIECE_SIZE} bytes) at a time, so that no file is
 * ever held in memory whole. The piece index is in PostgreSQL either way (see PieceRepository); the bytes go to
 * PostgreSQL ({@link PostgresEvidenceStore}, the default) or to an S3-compatible object store ({@link S3EvidenceStore}).
 * Calls are blocking and run on worker threads; the connection is the caller's JDBC transaction.
 */
public interface EvidenceStore {

    int PIECE_SIZE = 1024 * 1024;

    void put(Connection transaction, UUID upload, long startOffset, byte[] data, int length) throws Exception;

    byte[] get(Connection connection, UUID upload, long startOffset) throws Exception;

    /** Drops a piece inside the transaction that lets go of it (the bytes that live in the database). */
    void delete(Connection transaction, UUID upload, long startOffset) throws Exception;

    /** Removes a piece after the transaction that let go of it committed (the bytes that live outside the database). */
    void purge(UUID upload, long startOffset) throws Exception;
}
