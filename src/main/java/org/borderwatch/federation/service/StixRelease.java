package org.borderwatch.federation.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.ShareMessage;
import org.borderwatch.sharing.SharedCase;

/**
 * A released snapshot as STIX 2.1 objects for a federated partner: the releasing installation's identity, the
 * handling codes H0–H3 as marking definitions, Borderwatch's own properties declared by extension definitions, and the
 * release itself as a report whose versions are the snapshot versions (same id, later {@code modified}). The content
 * is the redacted snapshot and nothing else: every field name in snake case, the 4x4 grading as the UMF's source
 * reliability and information assessment.
 */
public final class StixRelease {

    public static final String SPEC = "2.1";
    /** Namespace of Borderwatch's deterministic STIX ids (UUIDv5-style, SHA-1 over namespace and name). */
    private static final UUID NAMESPACE = UUID.fromString("8d0e6b9c-2f4a-4c1e-9b7d-3a5f1e2c4b60");
    public static final String RELEASE_EXTENSION = "extension-definition--" + id("extension:release");
    public static final String HANDLING_EXTENSION = "extension-definition--" + id("extension:handling-code");
    public static final String MESSAGE_EXTENSION = "extension-definition--" + id("extension:message");
    public static final String RECEIPT_EXTENSION = "extension-definition--" + id("extension:receipt");
    public static final String ACKNOWLEDGEMENT_EXTENSION = "extension-definition--" + id("extension:acknowledgement");
    public static final String CHECKPOINT_EXTENSION = "extension-definition--" + id("extension:checkpoint");
    public static final String COSIGNATURE_EXTENSION = "extension-definition--" + id("extension:cosignature");
    public static final String CHECKPOINT = "x-borderwatch-checkpoint";
    public static final String COSIGNATURE = "x-borderwatch-cosignature";
    public static final String RECEIPT = "x-borderwatch-receipt";
    public static final String ACKNOWLEDGEMENT = "x-borderwatch-acknowledgement";
    /** When Borderwatch's definitions were made: fixed, so every installation names them identically. */
    private static final String DEFINED = "2026-12-01T00:00:00.000Z";
    private static final Map<HandlingCode, String> MEANING = Map.of(
            HandlingCode.H0, "may be passed on within the receiving agency",
            HandlingCode.H1, "for the receiving agency's law-enforcement use only",
            HandlingCode.H2, "not to be passed on without the releasing agency's consent",
            HandlingCode.H3, "restricted by the conditions stated with the release");

    private final ObjectMapper json;

    public StixRelease(ObjectMapper json) {
        this.json = json;
    }

    public static String markingOf(HandlingCode code) {
        return "marking-definition--" + id("handling-code:" + code.name());
    }

    public static String identityOf(String installation) {
        return "identity--" + id("installation:" + installation);
    }

    public static String reportOf(UUID shareId) {
        return "report--" + shareId;
    }

    /** Borderwatch's definitions, the same at every installation: the two extension definitions and the four markings. */
    public List<ObjectNode> definitions(String installation) {
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(identity(installation));
        objects.add(extension(installation, RELEASE_EXTENSION, "Borderwatch release",
                "A case released under a sharing agreement: the redacted reports, the 4x4 grading, the stated purpose and expiry."));
        objects.add(extension(installation, HANDLING_EXTENSION, "Borderwatch handling code",
                "The handling codes H0-H3 of the law-enforcement exchange rules."));
        objects.add(extension(installation, MESSAGE_EXTENSION, "Borderwatch message",
                "A message on a release: a comment, a request for information with its due date, or a response to one."));
        objects.add(newObjectType(installation, RECEIPT_EXTENSION, "Borderwatch receipt",
                "What the receiving installation applied: the object, its version, the SHA-256 of its canonical form, when."));
        objects.add(newObjectType(installation, ACKNOWLEDGEMENT_EXTENSION, "Borderwatch acknowledgement",
                "A liaison of the receiving agency acknowledged a release."));
        objects.add(newObjectType(installation, CHECKPOINT_EXTENSION, "Borderwatch access-log checkpoint",
                "A signed checkpoint of the installation's hash-chained access log, for the partner to witness."));
        objects.add(newObjectType(installation, COSIGNATURE_EXTENSION, "Borderwatch cosignature",
                "The witness's answer to a checkpoint: it extends the ones before (cosigned), or it contradicts one (refused)."));
        for (HandlingCode code : HandlingCode.values()) {
            ObjectNode marking = base("marking-definition", markingOf(code), DEFINED, installation);
            marking.put("name", "Borderwatch handling code " + code.name());
            marking.putObject("extensions").putObject(HANDLING_EXTENSION).put("extension_type", "property-extension")
                    .put("handling_code", code.name()).put("meaning", MEANING.get(code));
            objects.add(marking);
        }
        return objects;
    }

    /** One snapshot version of a release as a STIX report; {@code created} is when the share was made. */
    public ObjectNode report(String installation, SharedCase content, Instant created, Instant expiresAt) {
        ObjectNode report = base("report", reportOf(content.shareId()), created.toString(), installation);
        report.put("modified", content.publishedAt().toString());
        report.put("name", content.title() == null ? "Released case" : content.title());
        report.put("published", content.publishedAt().toString());
        report.putArray("report_types").add("border-incident");
        report.putArray("object_refs").add(identityOf(installation));
        report.putArray("object_marking_refs").add(markingOf(content.handlingCode()));
        ObjectNode release = report.putObject("extensions").putObject(RELEASE_EXTENSION);
        release.put("extension_type", "property-extension");
        ObjectNode fields = (ObjectNode) snake(json.valueToTree(content));
        fields.remove("title");
        fields.put("expires_at", expiresAt.toString());
        release.setAll(fields);
        return report;
    }

    /** The recall of a release: a new version of its report, revoked, that carries no content. */
    public ObjectNode recall(String installation, UUID shareId, Instant created, Instant endedAt, String reason) {
        ObjectNode report = base("report", reportOf(shareId), created.toString(), installation);
        report.put("modified", endedAt.toString());
        report.put("revoked", true);
        report.put("name", "Recalled release");
        report.put("published", endedAt.toString());
        report.putArray("report_types").add("border-incident");
        report.putArray("object_refs").add(identityOf(installation));
        ObjectNode release = report.putObject("extensions").putObject(RELEASE_EXTENSION);
        release.put("extension_type", "property-extension");
        release.put("share_id", shareId.toString());
        release.put("recall_reason", reason == null ? "recalled" : reason);
        return report;
    }

    /** A message on a release as a STIX note about its report. */
    public ObjectNode note(String installation, ShareMessage message) {
        ObjectNode note = base("note", "note--" + message.id, message.createdAt.toString(), installation);
        note.put("content", message.body);
        note.putArray("authors").add(message.author);
        note.putArray("object_refs").add(reportOf(message.shareId));
        ObjectNode fields = note.putObject("extensions").putObject(MESSAGE_EXTENSION);
        fields.put("extension_type", "property-extension");
        fields.put("kind", message.kind.name());
        fields.put("author_agency", message.authorAgency);
        if (message.dueAt != null) {
            fields.put("due_at", message.dueAt.toString());
        }
        if (message.answers != null) {
            fields.put("answers", "note--" + message.answers);
        }
        return note;
    }

    public static String acknowledgementOf(UUID shareId) {
        return ACKNOWLEDGEMENT + "--" + id("acknowledgement:" + shareId);
    }

    /** A release acknowledged by the receiving agency. */
    public ObjectNode acknowledgement(String installation, UUID shareId, String agency, Instant at) {
        ObjectNode ack = base(ACKNOWLEDGEMENT, acknowledgementOf(shareId), at.toString(), installation);
        ack.put("object_ref", reportOf(shareId));
        ack.put("agency", agency);
        ack.put("acknowledged_at", at.toString());
        ack.putObject("extensions").putObject(ACKNOWLEDGEMENT_EXTENSION).put("extension_type", "new-sdo");
        return ack;
    }

    /** The receipt of one applied object version: its id, version and the SHA-256 of its canonical form. */
    public ObjectNode receipt(String installation, String objectId, String modified, String sha256, Instant at) {
        ObjectNode receipt = base(RECEIPT, RECEIPT + "--" + id("receipt:" + objectId + "@" + modified), at.toString(), installation);
        receipt.put("object_ref", objectId);
        receipt.put("object_modified", modified);
        receipt.put("object_sha256", sha256);
        receipt.put("applied_at", at.toString());
        receipt.putObject("extensions").putObject(RECEIPT_EXTENSION).put("extension_type", "new-sdo");
        return receipt;
    }

    /** A signed access-log checkpoint (its JWS, as signed) offered to the partner to witness. */
    public ObjectNode checkpoint(String installation, long number, long lastPosition, String lastHash, String jws, Instant signedAt) {
        ObjectNode checkpoint = base(CHECKPOINT, CHECKPOINT + "--" + id("checkpoint:" + installation + ":" + number), signedAt.toString(), installation);
        checkpoint.put("checkpoint_number", number);
        checkpoint.put("last_position", lastPosition);
        checkpoint.put("last_hash", lastHash);
        checkpoint.put("checkpoint_jws", jws);
        checkpoint.putObject("extensions").putObject(CHECKPOINT_EXTENSION).put("extension_type", "new-sdo");
        return checkpoint;
    }

    /**
     * The witness's answer to a partner's checkpoint: {@code verdict} "cosigned" when it extends the ones witnessed
     * before, "contradicted" when it contradicts one (then {@code reason} says which).
     */
    public ObjectNode cosignature(String installation, String checkpointId, long number, String checkpointSha256, String verdict, String reason,
                                  Instant at) {
        ObjectNode answer = base(COSIGNATURE, COSIGNATURE + "--" + id("cosignature:" + checkpointId + ":" + checkpointSha256), at.toString(),
                installation);
        answer.put("checkpoint_ref", checkpointId);
        answer.put("checkpoint_number", number);
        answer.put("checkpoint_sha256", checkpointSha256);
        answer.put("verdict", verdict);
        if (reason != null) {
            answer.put("reason", reason);
        }
        answer.putObject("extensions").putObject(COSIGNATURE_EXTENSION).put("extension_type", "new-sdo");
        return answer;
    }

    /** The released content back from a report's release extension: the inverse of {@link #report}. */
    public SharedCase content(JsonNode report) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode fields = (ObjectNode) camel(report.path("extensions").path(RELEASE_EXTENSION));
        fields.remove("extensionType");
        fields.remove("expiresAt");
        fields.put("title", report.path("name").asText());
        return json.treeToValue(fields, SharedCase.class);
    }

    /** Field names back in Java's camel case; the grading's two parts under Borderwatch's names. */
    private JsonNode camel(JsonNode node) {
        return renamed(node, name -> switch (name) {
            case "source_reliability" -> "source";
            case "information_assessment" -> "information";
            default -> java.util.regex.Pattern.compile("_([a-z0-9])").matcher(name).replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT));
        });
    }

    private ObjectNode newObjectType(String installation, String id, String name, String description) {
        ObjectNode extension = extension(installation, id, name, description);
        extension.putArray("extension_types").add("new-sdo");
        return extension;
    }

    private ObjectNode identity(String installation) {
        ObjectNode identity = base("identity", identityOf(installation), DEFINED, null);
        identity.put("name", installation);
        identity.put("identity_class", "organization");
        return identity;
    }

    private ObjectNode extension(String installation, String id, String name, String description) {
        ObjectNode extension = base("extension-definition", id, DEFINED, installation);
        extension.put("name", name);
        extension.put("description", description);
        extension.put("schema", "https://borderwatch.org/stix/" + id.substring("extension-definition--".length()) + ".json");
        extension.put("version", "1.0.0");
        extension.putArray("extension_types").add("property-extension");
        return extension;
    }

    private ObjectNode base(String type, String id, String created, String installation) {
        ObjectNode object = json.createObjectNode();
        object.put("type", type);
        object.put("spec_version", SPEC);
        object.put("id", id);
        object.put("created", created);
        object.put("modified", created);
        if (installation != null) {
            object.put("created_by_ref", identityOf(installation));
        }
        return object;
    }

    /** Field names in STIX's snake case; the grading under the names the UMF gives its two parts. */
    private JsonNode snake(JsonNode node) {
        return renamed(node, name -> switch (name) {
            case "source" -> "source_reliability";
            case "information" -> "information_assessment";
            default -> name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        });
    }

    /** A copy of the tree with every field renamed. */
    private JsonNode renamed(JsonNode node, java.util.function.UnaryOperator<String> rename) {
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.forEach(item -> copy.add(renamed(item, rename)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            copy.set(rename.apply(field.getKey()), renamed(field.getValue(), rename));
        }
        return copy;
    }

    /** A name-based UUID (version 5: SHA-1) in Borderwatch's namespace. */
    static UUID id(String name) {
        try {
            java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
            java.nio.ByteBuffer namespace = java.nio.ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(namespace.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
