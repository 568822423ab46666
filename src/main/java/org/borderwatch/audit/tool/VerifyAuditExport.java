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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.borderwatch.audit.chain.EventCanonicalForm;
import org.borderwatch.audit.chain.ExportLine;

/**
 * Verifies an access-log export without the database: recomputes the hash chain line by line and
 * checks every checkpoint's signature with the published key. Usage (from the packaged service):
 * {@code java -cp "target/quarkus-app/lib/main/*:target/quarkus-app/app/*" org.borderwatch.audit.tool.VerifyAuditExport
 * export.ndjson checkpoints.json jwks.json}. Exit status 0 when intact, 1 with the first bad position.
 */
public final class VerifyAuditExport {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private VerifyAuditExport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: VerifyAuditExport export.ndjson checkpoints.json jwks.json");
            System.exit(2);
        }
        String result = verify(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        // A command-line tool: its verdict goes to standard output, and its exit status says the same.
        System.out.println(result);
        System.exit(result.startsWith("OK") ? 0 : 1);
    }

    /** "OK positions a..b" or "BROKEN at position n: problem". The export must start at position 1. */
    public static String verify(Path export, Path checkpoints, Path jwks) throws Exception {
        Map<Long, String> hashes = new HashMap<>();
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
        Map<String, PublicKey> keys = keys(JSON.readTree(jwks.toFile()));
        for (JsonNode checkpoint : JSON.readTree(checkpoints.toFile()).path("items")) {
            long last = checkpoint.path("lastPosition").asLong();
            String jws = checkpoint.path("jws").asText();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
            if (!signed(jws, keys.get(checkpoint.path("keyId").asText())) || claims.path("lastPosition").asLong() != last) {
                return "BROKEN at position " + last + ": checkpoint " + checkpoint.path("number").asLong() + " is not validly signed";
            }
            if (last >= expected) {
                return "BROKEN at position " + expected + ": TRUNCATED (checkpoint covers up to " + last + ")";
            }
            if (last > 0 && !claims.path("lastHash").asText().equals(hashes.get(last))) {
                return "BROKEN at position " + last + ": MODIFIED (does not match signed checkpoint)";
            }
        }
        return "OK positions 1.." + (expected - 1);
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

    private static boolean signed(String jws, PublicKey key) throws Exception {
        if (key == null) {
            return false;
        }
        String[] parts = jws.split("\\.");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
