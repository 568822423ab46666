package org.borderwatch.audit.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.borderwatch.support.ChainForger;
import org.borderwatch.support.Db;
import org.junit.jupiter.api.Test;

/** Verification trusts what the checkpoints signed, not the database's copy of it (issue 13, item 9). */
@QuarkusTest
@TestProfile(AuditSignedClaimsTest.FastSealing.class)
class AuditSignedClaimsTest {

    public static class FastSealing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("borderwatch.audit.seal-every", "0.2s", "borderwatch.audit.checkpoint-every-events", "5",
                    "borderwatch.audit.witness-dir", "target/witness-claims-test/${quarkus.uuid}");
        }
    }

    @Test
    void aRewriteThatAlsoChangesTheCheckpointColumnsIsFoundByTheSignedClaims() throws Exception {
        AuditChainResourceTest.sealed(30);
        for (int i = 0; i < 50 && Db.count("select coalesce(max(last_position), 0) from audit_checkpoint") < 20; i++) {
            Thread.sleep(100);
        }
        long sealed = Db.count("select max(position) from audit_seal");
        AuditChainResourceTest.verify(1, sealed).body("ok", equalTo(true));
        // The administrator changes an event, recomputes every hash after it and makes the checkpoints' columns agree;
        // the signed JWS cannot be made to agree.
        ChainForger.rewriteFrom(12, "someone else");
        ChainForger.tamper("update audit_checkpoint c set last_hash = s.hash from audit_seal s where s.position = c.last_position"
                + " and c.last_position >= 12");
        AuditChainResourceTest.verify(1, sealed).body("ok", equalTo(false)).body("problem", equalTo("MODIFIED"))
                .body("position", greaterThanOrEqualTo(12));
    }
}
