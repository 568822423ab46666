package org.borderwatch.sharing.rest;

import static io.restassured.RestAssured.given;
import static org.borderwatch.support.Reports.FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.UUID;
import jakarta.inject.Inject;
import org.borderwatch.security.ServiceSigner;
import org.borderwatch.support.Sharing;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** A partner can prove what it received: the signed copy verifies with the published key, and a changed one does not. */
@QuarkusTest
class SignedSnapshotTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ServiceSigner signer;

    @Test
    void theSignedCopyVerifiesWithThePublishedKeyAndCarriesTheReleasedContent() throws Exception {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID shareId = Sharing.activeShare(p, Sharing.caseOf(p, FULL));
        String jws = given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", "Evidence file for our case GX-118")
                .when().get("/api/v1/inbox/" + shareId + "/snapshots/1/signed").then().statusCode(200)
                .contentType("application/jose").extract().asString();
        String[] parts = jws.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("RS256", header.path("alg").asText());
        assertEquals("borderwatch-snapshot+jwt", header.path("typ").asText());
        assertEquals("borderwatch-snapshot-dev", header.path("kid").asText());
        assertEquals(shareId.toString(), claims.path("sub").asText());
        assertEquals(p.owner(), claims.path("from").asText());
        assertEquals(p.partner(), claims.path("to").asText());
        assertEquals("[redacted]", claims.path("content").path("reports").get(0).path("vehicles").get(0).path("plate").asText());

        JsonNode jwks = JSON.readTree(given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        PublicKey key = null;
        for (JsonNode jwk : jwks.path("keys")) {
            if (jwk.path("kid").asText().equals(header.path("kid").asText())) {
                key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText())),
                        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()))));
            }
        }
        assertTrue(key != null, "the signing key is not published: " + jwks);
        assertTrue(verifies(key, parts[0] + "." + parts[1], parts[2]));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace(p.partner(), p.third()).getBytes(StandardCharsets.UTF_8));
        assertFalse(verifies(key, parts[0] + "." + forged, parts[2]));
    }

    /** One key per use: a checkpoint is never accepted as a snapshot, nor a snapshot as a checkpoint. */
    @Test
    void aCheckpointSignatureIsNotASnapshotSignatureNorTheOtherWayRound() throws Exception {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID shareId = Sharing.activeShare(p, Sharing.caseOf(p, FULL));
        String snapshot = given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", "Evidence file for our case GX-118")
                .when().get("/api/v1/inbox/" + shareId + "/snapshots/1/signed").then().statusCode(200).extract().asString();
        String checkpoint = null;
        for (int i = 0; i < 100 && checkpoint == null; i++) {
            checkpoint = given().auth().oauth2(Tokens.token("auditor", "auditor", p.owner())).when().get("/api/v1/audit/checkpoints")
                    .then().statusCode(200).extract().path("items[0].jws");
            Thread.sleep(checkpoint == null ? 100 : 0);
        }
        assertTrue(checkpoint != null, "no checkpoint was signed");
        assertTrue(signer.snapshotClaims(snapshot).isPresent());
        assertTrue(signer.checkpointClaims(checkpoint).isPresent());
        assertTrue(signer.snapshotClaims(checkpoint).isEmpty(), "a checkpoint passed as a snapshot");
        assertTrue(signer.checkpointClaims(snapshot).isEmpty(), "a snapshot passed as a checkpoint");
        assertFalse(JSON.readTree(Base64.getUrlDecoder().decode(checkpoint.split("\\.")[0])).path("kid").asText()
                .equals(JSON.readTree(Base64.getUrlDecoder().decode(snapshot.split("\\.")[0])).path("kid").asText()));
    }

    @Test
    void aSignedCopyNeedsAPurposeAndAnExistingVersion() {
        Sharing.Parties p = Sharing.parties();
        Sharing.agreement(p, "\"DRUGS\"", "H1");
        UUID shareId = Sharing.activeShare(p, Sharing.caseOf(p, FULL));
        given().auth().oauth2(p.partnerLiaison()).when().get("/api/v1/inbox/" + shareId + "/snapshots/1/signed").then().statusCode(428);
        given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", "Evidence file for our case GX-118")
                .when().get("/api/v1/inbox/" + shareId + "/snapshots/9/signed").then().statusCode(404);
        given().auth().oauth2(p.partnerLiaison()).header("X-Access-Purpose", "Evidence file for our case GX-118")
                .when().get("/api/v1/inbox/" + shareId + "/snapshots/one/signed").then().statusCode(400);
    }

    static boolean verifies(PublicKey key, String signingInput, String signature) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(signature));
    }
}
