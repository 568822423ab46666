package org.borderwatch.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs what the service vouches for as RS256 JWS (SmallRye JWT build), with keys that live outside the database:
 * audit checkpoints with one key ({@code typ} {@value #CHECKPOINT_TYPE}), snapshots released to partner agencies with
 * another ({@code typ} {@value #SNAPSHOT_TYPE}); publishes both, with their retired keys, as one JWK Set. Created at
 * start: without both keys the service refuses to start, unless {@code borderwatch.signing.allow-unsigned=true}.
 */
@Startup
@ApplicationScoped
public class ServiceSigner {

    public static final String CHECKPOINT_TYPE = "borderwatch-checkpoint+jwt";
    public static final String SNAPSHOT_TYPE = "borderwatch-snapshot+jwt";
    /** A STIX object sent to a federated installation: a JWS over its RFC 8785 canonical form, made with the snapshot key. */
    public static final String STIX_TYPE = "borderwatch-stix+jws";
    private static final Logger LOG = Logger.getLogger(ServiceSigner.class);

    private final SigningKey checkpoints;
    private final SigningKey snapshots;

    public ServiceSigner(@ConfigProperty(name = "borderwatch.audit.signing-key") Optional<String> checkpointKey,
                         @ConfigProperty(name = "borderwatch.audit.signing-key-id") String checkpointKeyId,
                         @ConfigProperty(name = "borderwatch.audit.retired-keys") Optional<List<String>> checkpointRetired,
                         @ConfigProperty(name = "borderwatch.sharing.snapshot-signing-key") Optional<String> snapshotKey,
                         @ConfigProperty(name = "borderwatch.sharing.snapshot-signing-key-id") String snapshotKeyId,
                         @ConfigProperty(name = "borderwatch.sharing.snapshot-retired-keys") Optional<List<String>> snapshotRetired,
                         @ConfigProperty(name = "borderwatch.signing.allow-unsigned", defaultValue = "false") boolean allowUnsigned)
            throws Exception {
        if (checkpointKeyId.equals(snapshotKeyId)) {
            throw new IllegalStateException("borderwatch.audit.signing-key-id and borderwatch.sharing.snapshot-signing-key-id must differ");
        }
        this.checkpoints = new SigningKey(CHECKPOINT_TYPE, "borderwatch.audit", checkpointKey, checkpointKeyId,
                checkpointRetired.orElse(List.of()));
        this.snapshots = new SigningKey(SNAPSHOT_TYPE, "borderwatch.sharing", snapshotKey, snapshotKeyId,
                snapshotRetired.orElse(List.of()));
        List<String> missing = new ArrayList<>();
        if (!checkpoints.present()) {
            missing.add("borderwatch.audit.signing-key (BORDERWATCH_AUDIT_SIGNING_KEY)");
        }
        if (!snapshots.present()) {
            missing.add("borderwatch.sharing.snapshot-signing-key (BORDERWATCH_SHARING_SNAPSHOT_SIGNING_KEY)");
        }
        if (!missing.isEmpty() && !allowUnsigned) {
            throw new IllegalStateException("refusing to start without a signing key: set " + String.join(" and ", missing)
                    + ", or borderwatch.signing.allow-unsigned=true to run without signing");
        }
        if (!missing.isEmpty()) {
            LOG.warnf("borderwatch.signing.allow-unsigned=true and no key in %s: what it would sign is not signed", missing);
        }
    }

    /** Whether checkpoints are signed: without the key the chain is sealed but not signed. */
    public boolean signsCheckpoints() {
        return checkpoints.present();
    }

    public String checkpointKeyId() {
        return checkpoints.keyId();
    }

    public String signCheckpoint(Map<String, Object> claims) {
        return checkpoints.sign(claims);
    }

    /** The snapshot as a JWS of its own type and key; null when running unsigned. */
    public String signSnapshot(Map<String, Object> claims) {
        return snapshots.present() ? snapshots.sign(claims) : null;
    }

    /** A STIX object's canonical bytes signed with the snapshot key (what leaves the agency); null when running unsigned. */
    public String signStix(byte[] canonical) {
        return snapshots.present() ? snapshots.signPayload(canonical, STIX_TYPE) : null;
    }

    /** The claims of a checkpoint signed by a checkpoint key (current or retired), or empty: never a snapshot's. */
    public Optional<JsonNode> checkpointClaims(String jws) {
        return checkpoints.verify(jws);
    }

    /** The claims of a snapshot signed by a snapshot key (current or retired), or empty: never a checkpoint's. */
    public Optional<JsonNode> snapshotClaims(String jws) {
        return snapshots.verify(jws);
    }

    /** Checkpoint keys first, then snapshot keys; each current key before its retired ones (RFC 7517). */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>(checkpoints.jwks());
        keys.addAll(snapshots.jwks());
        return Map.of("keys", keys);
    }
}
