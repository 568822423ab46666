package org.borderwatch.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without its keys the service does not start, unless told to run unsigned (issue 13, item 12); two uses, two keys. */
class ServiceSignerTest {

    static final Optional<String> AUDIT = Optional.of("src/test/resources/keys/audit-dev-private.pem");
    static final Optional<String> SNAPSHOT = Optional.of("src/test/resources/keys/snapshot-dev-private.pem");

    static ServiceSigner signer(Optional<String> audit, Optional<String> snapshot, boolean allowUnsigned) throws Exception {
        return new ServiceSigner(audit, "a", Optional.of(List.of()), snapshot, "s", Optional.empty(), allowUnsigned);
    }

    @Test
    void aMissingKeyStopsTheStartAndNamesTheSetting() {
        IllegalStateException noAudit = assertThrows(IllegalStateException.class, () -> signer(Optional.empty(), SNAPSHOT, false));
        assertTrue(noAudit.getMessage().contains("borderwatch.audit.signing-key"), noAudit.getMessage());
        IllegalStateException noSnapshot = assertThrows(IllegalStateException.class, () -> signer(AUDIT, Optional.empty(), false));
        assertTrue(noSnapshot.getMessage().contains("borderwatch.sharing.snapshot-signing-key"), noSnapshot.getMessage());
    }

    @Test
    void runningUnsignedMustBeAskedForAndThenSignsNothing() throws Exception {
        ServiceSigner unsigned = signer(Optional.empty(), Optional.empty(), true);
        assertTrue(!unsigned.signsCheckpoints());
        assertNull(unsigned.signSnapshot(Map.of("iss", "borderwatch")));
    }

    @Test
    void oneKeyIdForBothUsesIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> new ServiceSigner(AUDIT, "same", Optional.empty(), SNAPSHOT, "same", Optional.empty(), false));
    }

    @Test
    void checkpointsSignedBeforeTheUsesHadTheirOwnTypesStillVerifyAsCheckpointsOnly() throws Exception {
        ServiceSigner signer = signer(AUDIT, SNAPSHOT, false);
        java.security.PrivateKey auditKey = io.smallrye.jwt.util.KeyUtils.decodePrivateKey(
                java.nio.file.Files.readString(java.nio.file.Path.of(AUDIT.get())));
        // as the service signed checkpoints before: SmallRye's default type JWT, the audit key and id
        String legacy = io.smallrye.jwt.build.Jwt.claims(Map.of("iss", "borderwatch-audit", "checkpoint", 1, "firstPosition", 1,
                "lastPosition", 5, "lastHash", "ab")).jws().keyId("a").sign(auditKey);
        assertTrue(signer.checkpointClaims(legacy).isPresent(), "an upgraded installation verifies its earlier checkpoints");
        assertTrue(signer.snapshotClaims(legacy).isEmpty(), "an earlier checkpoint is never a snapshot");
    }
}
