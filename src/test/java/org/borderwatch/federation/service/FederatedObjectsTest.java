package org.borderwatch.federation.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.borderwatch.report.Category;
import org.borderwatch.report.Grading;
import org.borderwatch.report.ReportContent;
import org.borderwatch.security.ServiceSigner;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.SharedCase;
import org.junit.jupiter.api.Test;

/** A release as STIX 2.1 objects, signed over their RFC 8785 form, and what a receiver refuses. */
class FederatedObjectsTest {

    private static final Pattern STIX_ID = Pattern.compile("[a-z][a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private static SharedCase released() {
        SharedCase.Report report = JSON.convertValue(java.util.Map.of("reference", "R1", "category", Category.DRUGS.name(),
                "occurredAt", "2026-11-20T14:40:00Z", "location", java.util.Map.of("lat", 21.53, "lon", 107.97, "accuracyMeters", 1000),
                "exactLocation", false, "grading", java.util.Map.of("source", "B", "information", "2")), SharedCase.Report.class);
        return JSON.convertValue(java.util.Map.of("shareId", UUID.randomUUID().toString(), "version", 2, "fromAgency", "VN-QN",
                "toAgency", "CN-GX", "handlingCode", "H2", "purpose", "Joint investigation of the Bac Luan II route",
                "publishedAt", "2026-11-22T02:00:00Z", "title", "Meth at Bac Luan II", "categories", List.of("DRUGS"),
                "reports", List.of(JSON.convertValue(report, java.util.Map.class))), SharedCase.class);
    }

    private static ServiceSigner signer(String key) throws Exception {
        return new ServiceSigner(Optional.of("src/test/resources/keys/audit-dev-private.pem"), "borderwatch-audit-dev", Optional.empty(),
                Optional.of(key), "borderwatch-snapshot-dev", Optional.empty(), false);
    }

    @Test
    void aReleaseIsAStixReportMarkedWithItsHandlingCodeAndDeclaredExtensions() {
        StixRelease stix = new StixRelease(JSON);
        SharedCase content = released();
        ObjectNode report = stix.report("borderwatch.vn-qn", content, Instant.parse("2026-11-21T02:00:00Z"), Instant.parse("2026-12-21T00:00:00Z"));
        List<ObjectNode> definitions = stix.definitions("borderwatch.vn-qn");
        for (ObjectNode object : definitions) {
            assertThat(object.path("spec_version").asText()).isEqualTo("2.1");
            assertThat(object.path("id").asText()).matches(STIX_ID).startsWith(object.path("type").asText() + "--");
            assertThat(object.has("created")).isTrue();
        }
        assertThat(definitions).extracting(o -> o.path("type").asText())
                .containsExactly("identity", "extension-definition", "extension-definition", "extension-definition", "extension-definition",
                        "extension-definition", "extension-definition", "extension-definition", "marking-definition", "marking-definition", "marking-definition", "marking-definition");
        assertThat(definitions).filteredOn(o -> o.path("extension_types").path(0).asText().equals("new-sdo"))
                .extracting(o -> o.path("id").asText()).containsExactly(StixRelease.RECEIPT_EXTENSION, StixRelease.ACKNOWLEDGEMENT_EXTENSION,
                        StixRelease.CHECKPOINT_EXTENSION, StixRelease.COSIGNATURE_EXTENSION);
        assertThat(report.path("id").asText()).isEqualTo("report--" + content.shareId());
        assertThat(report.path("object_marking_refs").get(0).asText()).isEqualTo(StixRelease.markingOf(HandlingCode.H2));
        assertThat(report.path("modified").asText()).isEqualTo("2026-11-22T02:00:00Z");
        JsonNode release = report.path("extensions").path(StixRelease.RELEASE_EXTENSION);
        assertThat(release.path("extension_type").asText()).isEqualTo("property-extension");
        assertThat(release.path("share_id").asText()).isEqualTo(content.shareId().toString());
        assertThat(release.path("reports").get(0).path("grading").path("source_reliability").asText()).isEqualTo("B");
        assertThat(release.path("reports").get(0).path("grading").path("information_assessment").asText()).isEqualTo("2");
        assertThat(release.path("reports").get(0).path("exact_location").asBoolean(true)).isFalse();
        // the same definitions at every installation, named by the same ids
        assertThat(stix.definitions("borderwatch.cn-gx").get(3).path("id")).isEqualTo(definitions.get(3).path("id"));
    }

    @Test
    void aSignedObjectVerifiesAndAChangedForgedOrReSignedOneIsRefused() throws Exception {
        ServiceSigner quangNinh = signer("src/test/resources/keys/snapshot-dev-private.pem");
        ServiceSigner impostor = signer("src/test/resources/keys/other-realm-private.pem");
        JsonNode quangNinhKeys = JSON.valueToTree(quangNinh.jwks());
        ObjectNode report = new StixRelease(JSON).report("borderwatch.vn-qn", released(), Instant.parse("2026-11-21T02:00:00Z"),
                Instant.parse("2026-12-21T00:00:00Z"));
        String jws = SignedObjects.sign(quangNinh, report);
        assertThat(SignedObjects.verify(report, jws, quangNinhKeys)).isEmpty();
        // the same object with its keys in another order is the same canonical object
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        report.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.set(name, report.get(name)));
        assertThat(SignedObjects.verify(reordered, jws, quangNinhKeys)).isEmpty();

        ObjectNode changed = report.deepCopy();
        ((ObjectNode) changed.path("extensions").path(StixRelease.RELEASE_EXTENSION)).put("handling_code", "H0");
        assertThat(SignedObjects.verify(changed, jws, quangNinhKeys)).contains(SignedObjects.Refusal.NOT_THIS_OBJECT);
        String[] parts = jws.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Canonical.bytes(changed));
        assertThat(SignedObjects.verify(changed, parts[0] + "." + forgedPayload + "." + parts[2], quangNinhKeys))
                .contains(SignedObjects.Refusal.BAD_SIGNATURE);
        // signed again by someone holding another key under the same key id: refused
        assertThat(SignedObjects.verify(report, SignedObjects.sign(impostor, report), quangNinhKeys)).contains(SignedObjects.Refusal.BAD_SIGNATURE);
        // a released snapshot's JWS is not a STIX object's signature
        String snapshot = quangNinh.signSnapshot(java.util.Map.of("sub", "x"));
        assertThat(SignedObjects.verify(report, snapshot, quangNinhKeys)).contains(SignedObjects.Refusal.NOT_A_STIX_SIGNATURE);
        assertThat(SignedObjects.verify(report, "not.a.jws!", quangNinhKeys)).contains(SignedObjects.Refusal.MALFORMED);
        assertThat(SignedObjects.verify(report, jws, JSON.readTree("{\"keys\":[]}"))).contains(SignedObjects.Refusal.UNKNOWN_KEY);
    }

    @Test
    void canonicalBytesFollowRfc8785() throws Exception {
        // RFC 8785 §3.2.3 sorts members by UTF-16 code units and writes numbers as ECMAScript does
        JsonNode value = JSON.readTree("{\"b\":1.0E2,\"a\":[\"\\u20ac\",true,null],\"\\u00e9\":0.5}");
        assertThat(new String(Canonical.bytes(value), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"a\":[\"€\",true,null],\"b\":100,\"é\":0.5}");
    }

    @Test
    void theReceiverReadsBackExactlyTheContentTheSenderReleased() throws Exception {
        StixRelease stix = new StixRelease(JSON);
        SharedCase content = released();
        ObjectNode report = stix.report("borderwatch.vn-qn", content, Instant.parse("2026-11-21T02:00:00Z"), Instant.parse("2026-12-21T00:00:00Z"));
        ObjectNode travelled = (ObjectNode) JSON.readTree(Canonical.bytes(report));
        JsonNode readBack = JSON.valueToTree(stix.content(travelled));
        assertThat(readBack).isEqualTo((JsonNode) JSON.valueToTree(content));
    }

    @Test
    void aRecallIsARevokedVersionOfTheSameReportThatCarriesNoContent() {
        StixRelease stix = new StixRelease(JSON);
        SharedCase content = released();
        ObjectNode recall = stix.recall("borderwatch.vn-qn", content.shareId(), Instant.parse("2026-11-21T02:00:00Z"),
                Instant.parse("2026-11-25T09:00:00Z"), "Operation compromised");
        assertThat(recall.path("id").asText()).isEqualTo(StixRelease.reportOf(content.shareId()));
        assertThat(recall.path("revoked").asBoolean()).isTrue();
        assertThat(recall.path("modified").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(new String(Canonical.bytes(recall), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("Bac Luan").doesNotContain("21.53").contains("Operation compromised");
    }

    @Test
    void messagesReceiptsAndAcknowledgementsAreStixObjectsOfTheirMaker() {
        StixRelease stix = new StixRelease(JSON);
        org.borderwatch.sharing.ShareMessage message = new org.borderwatch.sharing.ShareMessage();
        message.id = UUID.randomUUID();
        message.shareId = UUID.randomUUID();
        message.kind = org.borderwatch.sharing.MessageKind.REQUEST_FOR_INFORMATION;
        message.author = "liaison-subject";
        message.authorAgency = "CN-GX";
        message.body = "Which lane?";
        message.dueAt = Instant.parse("2026-11-26T00:00:00Z");
        message.createdAt = Instant.parse("2026-11-25T00:00:00Z");
        ObjectNode note = stix.note("borderwatch.cn-gx", message);
        assertThat(note.path("id").asText()).isEqualTo("note--" + message.id).matches(STIX_ID);
        assertThat(note.path("object_refs").get(0).asText()).isEqualTo(StixRelease.reportOf(message.shareId));
        assertThat(note.path("extensions").path(StixRelease.MESSAGE_EXTENSION).path("due_at").asText()).isEqualTo("2026-11-26T00:00:00Z");
        assertThat(note.path("created_by_ref").asText()).isEqualTo(StixRelease.identityOf("borderwatch.cn-gx"));
        ObjectNode receipt = stix.receipt("borderwatch.cn-gx", note.path("id").asText(), "2026-11-25T00:00:00Z", "ab".repeat(32),
                Instant.parse("2026-11-25T00:00:05Z"));
        assertThat(receipt.path("id").asText()).matches(STIX_ID).startsWith(StixRelease.RECEIPT + "--");
        assertThat(receipt.path("id").asText()).isEqualTo(stix.receipt("borderwatch.cn-gx", note.path("id").asText(), "2026-11-25T00:00:00Z",
                "cd".repeat(32), Instant.now()).path("id").asText());
        ObjectNode ack = stix.acknowledgement("borderwatch.cn-gx", message.shareId, "CN-GX", Instant.parse("2026-11-25T01:00:00Z"));
        assertThat(ack.path("id").asText()).isEqualTo(StixRelease.acknowledgementOf(message.shareId)).matches(STIX_ID);
        assertThat(ack.path("extensions").path(StixRelease.ACKNOWLEDGEMENT_EXTENSION).path("extension_type").asText()).isEqualTo("new-sdo");
    }
}
