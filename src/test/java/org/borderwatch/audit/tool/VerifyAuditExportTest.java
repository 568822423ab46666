package org.borderwatch.audit.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditEvent;
import org.borderwatch.audit.Outcome;
import org.borderwatch.audit.chain.EventCanonicalForm;
import org.borderwatch.audit.chain.ExportLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rewrite that was sealed and signed again verifies on its own, and is proven by what an auditor saved earlier:
 * checkpoints (the fork lies after the last one that still holds) or an export (the exact position) (item 10).
 */
class VerifyAuditExportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static PrivateKey key;
    static List<AuditEvent> original;
    static List<AuditEvent> rewritten;

    @TempDir
    Path dir;

    @BeforeAll
    static void chains() throws Exception {
        key = KeyUtils.decodePrivateKey(Files.readString(Path.of("src/test/resources/keys/audit-dev-private.pem")));
        original = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AuditEvent e = new AuditEvent();
            e.id = UUID.randomUUID();
            e.occurredAt = Instant.parse("2026-11-20T14:41:02Z").plusSeconds(i);
            e.subject = "officer-" + i;
            e.agency = "VN-QN";
            e.action = AuditAction.REPORT_READ;
            e.outcome = Outcome.ALLOWED;
            original.add(e);
        }
        rewritten = new ArrayList<>(original);
        AuditEvent changed = new AuditEvent();
        AuditEvent fourth = original.get(3);
        changed.id = fourth.id;
        changed.occurredAt = fourth.occurredAt;
        changed.subject = "someone else";
        changed.agency = fourth.agency;
        changed.action = fourth.action;
        changed.outcome = fourth.outcome;
        rewritten.set(3, changed);
    }

    static List<String> hashes(List<AuditEvent> events) {
        List<String> hashes = new ArrayList<>();
        String previous = EventCanonicalForm.GENESIS;
        for (AuditEvent e : events) {
            previous = EventCanonicalForm.chain(previous, e);
            hashes.add(previous);
        }
        return hashes;
    }

    Path export(String name, List<AuditEvent> events) throws Exception {
        List<String> hashes = hashes(events);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            lines.append(JSON.writeValueAsString(ExportLine.of(i + 1, hashes.get(i), events.get(i)))).append('\n');
        }
        return Files.writeString(dir.resolve(name), lines);
    }

    /** Checkpoints ending at the given positions, each tied to the one before, as the sealer signs them. */
    Path checkpoints(String name, List<AuditEvent> events, String type, long... ends) throws Exception {
        List<String> hashes = hashes(events);
        List<Map<String, Object>> items = new ArrayList<>();
        long covered = 0;
        String previousSignature = null;
        for (int i = 0; i < ends.length; i++) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", "borderwatch-audit");
            claims.put("checkpoint", i + 1);
            claims.put("firstPosition", covered + 1);
            claims.put("lastPosition", ends[i]);
            claims.put("lastHash", hashes.get((int) ends[i] - 1));
            if (previousSignature != null) {
                claims.put("previousSignature", previousSignature);
            }
            String jws = Jwt.claims(claims).jws().type(type).keyId("borderwatch-audit-dev").sign(key);
            items.add(Map.of("number", i + 1, "lastPosition", ends[i], "keyId", "borderwatch-audit-dev", "jws", jws));
            previousSignature = jws.substring(jws.lastIndexOf('.') + 1);
            covered = ends[i];
        }
        return Files.writeString(dir.resolve(name), JSON.writeValueAsString(Map.of("items", items)));
    }

    Path jwks() throws Exception {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        return Files.writeString(dir.resolve("jwks.json"), JSON.writeValueAsString(Map.of("keys", List.of(Map.of("kty", "RSA",
                "kid", "borderwatch-audit-dev", "n", b64(rsa.getModulus()), "e", b64(rsa.getPublicExponent()))))));
    }

    static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    @Test
    void aResignedRewriteVerifiesAloneAndIsProvenByEarlierCheckpointsAndExports() throws Exception {
        Path jwks = jwks();
        Path now = export("now.ndjson", rewritten);
        Path nowCheckpoints = checkpoints("now-checkpoints.json", rewritten, "borderwatch-checkpoint+jwt", 8);
        assertEquals("OK positions 1..8", VerifyAuditExport.verify(now, nowCheckpoints, jwks));

        Path saved = checkpoints("saved-checkpoints.json", original, "borderwatch-checkpoint+jwt", 2, 3, 6, 8);
        String byCheckpoints = VerifyAuditExport.verify(now, nowCheckpoints, jwks, List.of(saved));
        assertTrue(byCheckpoints.startsWith("FORKED at position 4:"), byCheckpoints);

        Path savedExport = export("saved.ndjson", original);
        String byExport = VerifyAuditExport.verify(now, nowCheckpoints, jwks, List.of(savedExport));
        assertTrue(byExport.startsWith("FORKED at position 4:"), byExport);

        assertEquals("OK positions 1..8", VerifyAuditExport.verify(export("same.ndjson", original),
                checkpoints("same-checkpoints.json", original, "borderwatch-checkpoint+jwt", 2, 3, 6, 8), jwks, List.of(saved, savedExport)));
    }

    @Test
    void aSignatureOfAnotherTypeIsNoCheckpoint() throws Exception {
        String result = VerifyAuditExport.verify(export("now.ndjson", original),
                checkpoints("snapshots.json", original, "borderwatch-snapshot+jwt", 8), jwks());
        assertTrue(result.startsWith("BROKEN at position 1: checkpoint 1 is not validly signed"), result);
    }
}
