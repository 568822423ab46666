package org.borderwatch.audit.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderwatch.audit.chain.CheckpointStatement;
import org.borderwatch.audit.chain.EventCanonicalForm;
import org.borderwatch.audit.chain.ExportLine;

/**
 * Verifies an access-log export without the database: recomputes the hash chain line by line and checks every
 * checkpoint's signature (a checkpoint key's JWS of type {@code borderwatch-checkpoint+jwt}) and what it claims, each
 * tied to the one before it. Given what an auditor saved earlier (checkpoints or a whole export) it also proves a
 * rewrite that was sealed and signed again: the new log forks from what was published before, as certificate
 * transparency clients compare signed tree heads. Usage (from the packaged service):
 * {@code java -cp "target/quarkus-app/lib/main/*:target/quarkus-app/app/*" org.borderwatch.audit.tool.VerifyAuditExport
 * export.ndjson checkpoints.json jwks.json [earlier-checkpoints.json | earlier-export.ndjson ...]}.
 * Exit status 0 when intact, 1 with the first bad position.
 */
public final class VerifyAuditExport {

    /** As ServiceSigner.CHECKPOINT_TYPE; the tool runs without the service. */
    static final String CHECKPOINT_TYPE = "borderwatch-checkpoint+jwt";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private VerifyAuditExport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: VerifyAuditExport export.ndjson checkpoints.json jwks.json [earlier-checkpoints.json | earlier-export.ndjson ...]");
            System.exit(2);
        }
        List<Path> earlier = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            earlier.add(Path.of(args[i]));
        }
        String result = verify(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), earlier);
        // A command-line tool: its verdict goes to standard output, and its exit status says the same.
        System.out.println(result);
        System.exit(result.startsWith("OK") ? 0 : 1);
    }

    public static String verify(Path export, Path checkpoints, Path jwks) throws Exception {
        return verify(export, checkpoints, jwks, List.of());
    }

    /**
     * "OK positions a..b", "BROKEN at position n: problem" or "FORKED at position n: why". The export must start at
     * position 1. Each earlier file is a saved checkpoints page or a saved export.
     */
    public static String verify(Path export, Path checkpoints, Path jwks, List<Path> earlier) throws Exception {
        Map<Long, String> hashes = new HashMap<>();
        String broken = chain(export, hashes);
        if (broken != null) {
            return broken;
        }
        long end = hashes.size();
        Map<String, PublicKey> keys = keys(JSON.readTree(jwks.toFile()));
        CheckpointStatement previous = null;
        for (JsonNode item : JSON.readTree(checkpoints.toFile()).path("items")) {
            CheckpointStatement checkpoint = statement(item.path("jws").asText(), keys);
            if (checkpoint == null || !checkpoint.follows(previous)) {
                return "BROKEN at position " + (previous == null ? 1 : previous.lastPosition() + 1) + ": checkpoint "
                        + item.path("number").asLong() + " is not validly signed or does not follow the one before it";
            }
            if (checkpoint.lastPosition() > end) {
                return "BROKEN at position " + (end + 1) + ": TRUNCATED (checkpoint covers up to " + checkpoint.lastPosition() + ")";
            }
            if (checkpoint.lastPosition() > 0 && !checkpoint.lastHash().equals(hashes.get(checkpoint.lastPosition()))) {
                return "BROKEN at position " + checkpoint.lastPosition() + ": MODIFIED (does not match signed checkpoint)";
            }
            previous = checkpoint;
        }
        for (Path saved : earlier) {
            String fork = JSON.readTree(saved.toFile()).has("items") ? forkFromCheckpoints(saved, keys, hashes) : forkFromExport(saved, hashes);
            if (fork != null) {
                return fork;
            }
        }
        return "OK positions 1.." + end;
    }

    /** Recomputes the chain of an export into {@code hashes}; answers what is broken, or null. */
    private static String chain(Path export, Map<Long, String> hashes) throws Exception {
        String previous = EventCanonicalForm.GENESIS;
        long expected = 1;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                if (text.isBlank()) {
                    continue;
                }
                ExportLine line = JSON.readValue(text, ExportLine.class);
                if (line.position() != expected) {
                    return "BROKEN at position " + expected + ": MISSING";
                }
                if (!line.withheld() && !EventCanonicalForm.digest(line.event()).equals(line.eventDigest())) {
                    return "BROKEN at position " + expected + ": MODIFIED";
                }
                String hash = EventCanonicalForm.link(previous, line.eventDigest());
                if (!hash.equals(line.hash())) {
                    return "BROKEN at position " + expected + ": MODIFIED";
                }
                hashes.put(expected, hash);
                previous = hash;
                expected++;
            }
        }
        return null;
    }

    /**
     * Every earlier signed checkpoint must still hold in the new export. The first one that does not shows the fork:
     * it starts after the last earlier checkpoint that still holds, at or before the one contradicted.
     */
    private static String forkFromCheckpoints(Path saved, Map<String, PublicKey> keys, Map<Long, String> hashes) throws Exception {
        long agreed = 0;
        for (JsonNode item : JSON.readTree(saved.toFile()).path("items")) {
            CheckpointStatement checkpoint = statement(item.path("jws").asText(), keys);
            if (checkpoint == null) {
                return "BROKEN: earlier checkpoint " + item.path("number").asLong() + " is not validly signed";
            }
            long last = checkpoint.lastPosition();
            if (last > hashes.size()) {
                return "FORKED at position " + (hashes.size() + 1) + ": earlier checkpoint " + checkpoint.number() + " covers up to "
                        + last + ", the export ends at " + hashes.size();
            }
            if (last > 0 && !checkpoint.lastHash().equals(hashes.get(last))) {
                return "FORKED at position " + (agreed + 1) + ": earlier checkpoint " + checkpoint.number() + " (positions up to " + last
                        + ") is contradicted; the chains agree up to " + agreed;
            }
            agreed = Math.max(agreed, last);
        }
        return null;
    }

    /** An earlier export names every hash: the fork is the first position whose hash differs or is gone. */
    private static String forkFromExport(Path saved, Map<Long, String> hashes) throws Exception {
        try (BufferedReader lines = Files.newBufferedReader(saved, StandardCharsets.UTF_8)) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = JSON.readTree(text);
                long position = line.path("position").asLong();
                if (!line.path("hash").asText().equals(hashes.get(position))) {
                    return "FORKED at position " + position + ": the earlier export " + (hashes.containsKey(position)
                            ? "has another hash there" : "goes on, the new one ends at " + hashes.size());
                }
            }
        }
        return null;
    }

    private static CheckpointStatement statement(String jws, Map<String, PublicKey> keys) throws Exception {
        String[] parts = jws.split("\\.", -1);
        JsonNode header = CheckpointStatement.header(jws);
        String typ = header.path("typ").asText();
        // checkpoints signed before checkpoints had their own type carry the plain "JWT" (or none); their claims decide
        boolean checkpointType = CHECKPOINT_TYPE.equals(typ) || typ.isEmpty() || "JWT".equals(typ);
        if (parts.length != 3 || !checkpointType || !"RS256".equals(header.path("alg").asText())
                || !signed(parts, keys.get(header.path("kid").asText()))) {
            return null;
        }
        return CheckpointStatement.of(jws, JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
    }

    private static Map<String, PublicKey> keys(JsonNode jwks) throws Exception {
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonNode key : jwks.path("keys")) {
            BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
            BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
            keys.put(key.path("kid").asText(), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
        }
        return keys;
    }

    private static boolean signed(String[] parts, PublicKey key) throws Exception {
        if (key == null) {
            return false;
        }
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
