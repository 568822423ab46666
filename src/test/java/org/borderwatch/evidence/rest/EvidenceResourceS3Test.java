package org.borderwatch.evidence.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.borderwatch.support.Db;
import org.borderwatch.support.S3Mock;
import org.junit.jupiter.api.AfterEach;

/** The same evidence suite with the bytes in an S3-compatible object store (S3Mock, a real HTTP peer). */
@QuarkusTest
@TestProfile(EvidenceResourceS3Test.ObjectStore.class)
class EvidenceResourceS3Test extends EvidenceSuite {

    public static class ObjectStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3Mock.class));
        }
    }

    @AfterEach
    void noBytesWereWrittenToPostgres() {
        assertEquals(0, Db.count("select count(*) from evidence_chunk"));
    }
}
