package org.borderwatch.evidence.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.UUID;

/** The default store: each piece is one bytea row of evidence_chunk, so a single-machine install needs nothing more. */
public class PostgresEvidenceStore implements EvidenceStore {

    @Override
    public void put(Connection transaction, UUID upload, long startOffset, byte[] data, int length) throws Exception {
        try (PreparedStatement insert = transaction.prepareStatement(
                "insert into evidence_chunk (upload_id, start_offset, data) values (?, ?, ?)")) {
            insert.setObject(1, upload);
            insert.setLong(2, startOffset);
            insert.setBytes(3, length == data.length ? data : Arrays.copyOf(data, length));
            insert.executeUpdate();
        }
    }

    @Override
    public byte[] get(Connection connection, UUID upload, long startOffset) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "select data from evidence_chunk where upload_id = ? and start_offset = ?")) {
            select.setObject(1, upload);
            select.setLong(2, startOffset);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("piece " + startOffset + " of upload " + upload + " is missing");
                }
                return row.getBytes(1);
            }
        }
    }

    @Override
    public void delete(Connection transaction, UUID upload, long startOffset) throws Exception {
        try (PreparedStatement delete = transaction.prepareStatement(
                "delete from evidence_chunk where upload_id = ? and start_offset = ?")) {
            delete.setObject(1, upload);
            delete.setLong(2, startOffset);
            delete.executeUpdate();
        }
    }

    @Override
    public void purge(UUID upload, long startOffset) {
        // nothing outside the database: delete() removed the row in the transaction
    }
}
