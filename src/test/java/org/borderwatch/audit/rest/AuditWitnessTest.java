package org.borderwatch.audit.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.borderwatch.audit.service.WitnessCopies;
import org.borderwatch.support.ChainForger;
import org.borderwatch.support.Db;
import org.borderwatch.support.Reports;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A rewrite that is sealed and signed again is caught by the witness copies, which nobody overwrites (item 10). */
@QuarkusTest
@TestProfile(AuditWitnessTest.FastSealing.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditWitnessTest {

    public static class FastSealing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("borderwatch.audit.seal-every", "0.2s", "borderwatch.audit.checkpoint-every-events", "5",
                    "borderwatch.audit.witness-dir", "target/witness-fork-test/${quarkus.uuid}");
        }
    }

    @Inject
    WitnessCopies witness;

    static Path copy(long number) {
        return Path.of(ConfigProvider.getConfig().getValue("borderwatch.audit.witness-dir", String.class),
                String.format("checkpoint-%010d.jws", number));
    }

    @Test
    @Order(1)
    void aRewriteSealedAgainIsFoundByTheWitnessAndTheSealerSignsNothingThatContradictsIt() throws Exception {
        AuditChainResourceTest.sealed(30);
        long witnessed = 0;
        for (int i = 0; i < 100 && (witnessed < 3 || !Files.exists(copy(witnessed))); i++) {
            Thread.sleep(100);
            witnessed = Db.count("select coalesce(max(number), 0) from audit_checkpoint");
        }
        assertTrue(Files.exists(copy(witnessed)), "checkpoint " + witnessed + " has no witness copy");
        long covered = Db.count("select last_position from audit_checkpoint where number = ?", witnessed);
        AuditChainResourceTest.verify(1, covered).body("ok", equalTo(true));
        long fork = covered - 2;
        ChainForger.tamper("update audit_event set reason = 'rewritten' where id = (select event_id from audit_seal where position = " + fork + ")",
                "delete from audit_seal where position >= " + fork, "delete from audit_checkpoint where last_position >= " + fork);
        long kept = Db.count("select coalesce(max(last_position), 0) from audit_checkpoint");
        for (int i = 0; i < 10; i++) {
            Reports.filed(AuditChainResourceTest.OFFICER, Reports.MINIMAL);
        }
        for (int i = 0; i < 100 && Db.count("select coalesce(max(position), 0) from audit_seal") < covered + 10; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(Duration.ofSeconds(1).toMillis());
        assertTrue(Db.count("select coalesce(max(position), 0) from audit_seal") >= covered + 10, "the rewritten chain was not sealed again");
        assertTrue(Db.count("select coalesce(max(number), 0) from audit_checkpoint") < witnessed,
                "the sealer signed a chain that contradicts the witness copies");
        AuditChainResourceTest.verify(1, covered).body("ok", equalTo(false)).body("problem", equalTo("FORKED"))
                .body("position", equalTo((int) kept + 1));
    }

    @Test
    @Order(2)
    void aWitnessCopyIsNeverOverwritten() throws Exception {
        String original = Files.readString(copy(1)).trim();
        Throwable refused = assertThrows(RuntimeException.class, () -> witness.keep(1, "eyJ.forged.copy").await().atMost(Duration.ofSeconds(5)));
        assertTrue(refused instanceof WitnessCopies.Contradiction, refused.toString());
        assertEquals(original, Files.readString(copy(1)).trim());
        witness.keep(1, original).await().atMost(Duration.ofSeconds(5));
    }
}
