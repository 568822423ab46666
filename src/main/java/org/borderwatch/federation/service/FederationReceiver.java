package org.borderwatch.federation.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.audit.AuditedResource;
import org.borderwatch.audit.chain.CheckpointStatement;
import org.borderwatch.audit.service.AuditRecorder;
import org.borderwatch.federation.FederationPartner;
import org.borderwatch.federation.repository.FederationExchangeRepository;
import org.borderwatch.sharing.Agreement;
import org.borderwatch.sharing.MessageKind;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.ShareMessage;
import org.borderwatch.sharing.ShareSnapshot;
import org.borderwatch.sharing.ShareStatus;
import org.borderwatch.sharing.SharedCase;
import org.borderwatch.sharing.repository.AgreementRepository;
import org.borderwatch.sharing.repository.MessageRepository;
import org.borderwatch.sharing.repository.ShareRepository;
import org.borderwatch.sharing.repository.SnapshotRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies a page of a partner's collection: each object is verified against the partner's key set before anything is
 * stored, stored once beside its signature, applied to the shares, inbox and threads as if made here, and answered
 * with a signed receipt. The first object refused stops the page: nothing after it is applied until it is resolved,
 * so nothing is skipped.
 */
@ApplicationScoped
public class FederationReceiver {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FederationReceiver.class);

    /** How a page went: where the next poll starts, the refusal that stopped it (if one did), and whether there is more. */
    public record Outcome(String lastDateAdded, String refusal, boolean more) {
    }

    private record Signature(String jws, String dateAdded) {
    }

    /** Why an object is not applied. */
    static class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A partner's checkpoint that contradicts one witnessed here: refused, and the partner is told (its auditors see it). */
    static final class Contradicted extends Refused {
        final JsonNode checkpoint;

        Contradicted(JsonNode checkpoint, String reason) {
            super(reason);
            this.checkpoint = checkpoint;
        }
    }

    private final FederationExchangeRepository exchange;
    private final FederationPublisher publisher;
    private final ShareRepository shares;
    private final SnapshotRepository snapshots;
    private final MessageRepository messages;
    private final AgreementRepository agreements;
    private final AuditRecorder audit;
    private final ObjectMapper json;
    private final StixRelease stix;
    private final Clock clock;
    private final String installation;

    public FederationReceiver(FederationExchangeRepository exchange, FederationPublisher publisher, ShareRepository shares,
                              SnapshotRepository snapshots, MessageRepository messages, AgreementRepository agreements, AuditRecorder audit,
                              ObjectMapper json, Clock clock, @ConfigProperty(name = "borderwatch.federation.installation") String installation) {
        this.exchange = exchange;
        this.publisher = publisher;
        this.shares = shares;
        this.snapshots = snapshots;
        this.messages = messages;
        this.agreements = agreements;
        this.audit = audit;
        this.json = json;
        this.stix = new StixRelease(json);
        this.clock = clock;
        this.installation = installation;
    }

    @WithTransaction
    public Uni<Outcome> applyPage(FederationPartner partner, JsonNode envelope) {
        Map<String, Signature> signatures = new HashMap<>();
        envelope.path("x_borderwatch_signatures").forEach(s -> signatures.put(s.path("id").asText() + "@" + s.path("version").asText(),
                new Signature(s.path("jws").asText(null), s.path("date_added").asText(null))));
        JsonNode objects = envelope.path("objects");
        return exchange.lockPublisher().chain(() -> next(partner, objects, signatures, 0, null))
                .map(outcome -> new Outcome(outcome.lastDateAdded(), outcome.refusal(), outcome.refusal() == null && envelope.path("more").asBoolean()));
    }

    private Uni<Outcome> next(FederationPartner partner, JsonNode objects, Map<String, Signature> signatures, int index, String lastDateAdded) {
        if (index >= objects.size()) {
            return Uni.createFrom().item(new Outcome(lastDateAdded, null, false));
        }
        JsonNode object = objects.get(index);
        String id = object.path("id").asText();
        Signature signature = signatures.get(id + "@" + object.path("modified").asText(object.path("created").asText()));
        Optional<String> refusal = refusal(partner, object, signature);
        if (refusal.isPresent()) {
            return refuse(partner, id, refusal.get(), lastDateAdded);
        }
        return accept(partner, object, signature)
                .chain(() -> next(partner, objects, signatures, index + 1, signature.dateAdded()))
                .onFailure(Refused.class).recoverWithUni(refused -> told(partner, refused)
                        .chain(() -> refuse(partner, id, refused.getMessage(), lastDateAdded)));
    }

    /** A contradicted checkpoint is answered with a signed refusal, so that the partner's auditors learn of it too. */
    private Uni<Void> told(FederationPartner partner, Throwable refused) {
        if (!(refused instanceof Contradicted contradicted)) {
            return Uni.createFrom().voidItem();
        }
        JsonNode checkpoint = contradicted.checkpoint;
        return publisher.add(partner, null, stix.cosignature(installation, checkpoint.path("id").asText(), checkpoint.path("checkpoint_number").asLong(),
                Canonical.sha256(checkpoint.path("checkpoint_jws").asText().getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "contradicted",
                refused.getMessage(), instant(checkpoint.path("modified").asText())));
    }

    private Uni<Outcome> refuse(FederationPartner partner, String id, String reason, String lastDateAdded) {
        return audit.refused(TaxiiCollections.callerOf(partner), AuditAction.FEDERATION_REFUSE, new AuditedResource("FEDERATION", id, null),
                        org.borderwatch.audit.Outcome.DENIED, reason)
                .replaceWith(new Outcome(lastDateAdded, id + ": " + reason, false));
    }

    /** The signature is the partner's, over exactly this object, and the object says the partner made it. */
    private Optional<String> refusal(FederationPartner partner, JsonNode object, Signature signature) {
        if (signature == null || signature.jws() == null || signature.dateAdded() == null) {
            return Optional.of("no signature beside the object");
        }
        Optional<SignedObjects.Refusal> bad = SignedObjects.verify(object, signature.jws(), keys(partner));
        if (bad.isPresent()) {
            return Optional.of("signature refused: " + bad.get());
        }
        String maker = object.path("type").asText().equals("identity") ? object.path("id").asText() : object.path("created_by_ref").asText();
        return maker.equals(StixRelease.identityOf(partner.installation)) ? Optional.empty()
                : Optional.of("made by " + maker + ", not by " + partner.installation);
    }

    private Uni<Void> accept(FederationPartner partner, JsonNode object, Signature signature) {
        byte[] canonical = Canonical.bytes(object);
        String sha256 = Canonical.sha256(canonical);
        String id = object.path("id").asText();
        String modified = object.path("modified").asText(object.path("created").asText());
        // checked first and written after: a refusal while applying leaves no trace that would skip the object next time
        return exchange.wasReceived(partner.id, id, modified).chain(known -> known ? Uni.createFrom().voidItem()
                : apply(partner, object, signature.jws())
                        .call(() -> exchange.received(partner.id, id, modified, new String(canonical, java.nio.charset.StandardCharsets.UTF_8),
                                signature.jws(), sha256, clock.instant()))
                        // recorded against the local agency concerned, so that only its auditors (and the installation's) see it
                        .call(agency -> audit.allowed(TaxiiCollections.callerOf(partner), AuditAction.FEDERATION_RECEIVE,
                                new AuditedResource("FEDERATION", id, agency)))
                        .call(() -> StixRelease.RECEIPT.equals(object.path("type").asText()) ? Uni.createFrom().voidItem()
                                : publisher.add(partner, null, stix.receipt(installation, id, modified, sha256, clock.instant())))
                        .replaceWithVoid());
    }

    /** Applies one verified object; answers the local agency it concerns (null for the installation's own objects). */
    private Uni<String> apply(FederationPartner partner, JsonNode object, String jws) {
        String type = object.path("type").asText();
        if (type.equals("report")) {
            return object.path("revoked").asBoolean() ? recall(partner, object) : release(partner, object, jws);
        }
        if (type.equals("note")) {
            return message(partner, object);
        }
        if (type.equals(StixRelease.ACKNOWLEDGEMENT)) {
            return acknowledgement(partner, object);
        }
        Uni<Void> applied;
        if (type.equals(StixRelease.CHECKPOINT)) {
            applied = witness(partner, object);
        } else if (type.equals(StixRelease.COSIGNATURE)) {
            applied = answered(partner, object, jws);
        } else if (type.equals(StixRelease.RECEIPT)) {
            applied = exchange.receipted(partner.id, object.path("object_ref").asText(), object.path("object_modified").asText(),
                    object.path("object_sha256").asText(), jws, instant(object.path("applied_at").asText())).replaceWithVoid();
        } else {
            applied = Uni.createFrom().voidItem();
        }
        return applied.replaceWith((String) null);
    }

    /**
     * Witnesses a partner's access-log checkpoint: signed by a key of the partner, and extending the newest one
     * witnessed here (the next number, naming its signature, covering at least as much), or the first one seen. One that
     * contradicts what was witnessed is refused: the partner's log was rewritten or forked.
     */
    private Uni<Void> witness(FederationPartner partner, JsonNode object) {
        String jws = object.path("checkpoint_jws").asText();
        CheckpointStatement statement = SignedObjects.checkpointClaims(jws, keys(partner)).map(claims -> CheckpointStatement.of(jws, claims))
                .orElseThrow(() -> new Refused("a checkpoint not signed by a key of " + partner.installation));
        if (statement == null || statement.number() != object.path("checkpoint_number").asLong()
                || statement.lastPosition() != object.path("last_position").asLong() || !statement.lastHash().equals(object.path("last_hash").asText())) {
            throw new Refused("a checkpoint object that does not say what its checkpoint says");
        }
        return exchange.witnessed(partner.id, statement.number()).chain(same -> {
            if (same != null) {
                if (same.equals(jws)) {
                    return Uni.createFrom().voidItem();
                }
                throw new Contradicted(object, "checkpoint " + statement.number() + " contradicts the checkpoint " + statement.number()
                        + " witnessed before");
            }
            return exchange.lastWitnessed(partner.id).chain(previousJws -> {
                CheckpointStatement previous = previousJws == null ? null : SignedObjects.checkpointClaims(previousJws, keys(partner))
                        .map(claims -> CheckpointStatement.of(previousJws, claims)).orElse(null);
                if (previousJws != null && (previous == null || !statement.follows(previous))) {
                    throw new Contradicted(object, "checkpoint " + statement.number() + " does not extend checkpoint "
                            + (previous == null ? "(unverifiable)" : previous.number()) + " witnessed before");
                }
                return exchange.witness(partner.id, statement.number(), statement.lastPosition(), statement.lastHash(), jws, clock.instant())
                        .chain(() -> publisher.add(partner, null, stix.cosignature(installation, object.path("id").asText(), statement.number(),
                                Canonical.sha256(jws.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "cosigned", null, clock.instant())));
            });
        });
    }

    /** The partner's answer to one of this installation's checkpoints: its cosignature kept, a contradiction raised to the auditors. */
    private Uni<Void> answered(FederationPartner partner, JsonNode answer, String jws) {
        long number = answer.path("checkpoint_number").asLong();
        if ("contradicted".equals(answer.path("verdict").asText())) {
            LOG.errorf("federation: %s refused this installation's checkpoint %d: %s", partner.installation, number, answer.path("reason").asText());
            return audit.refused(TaxiiCollections.callerOf(partner), AuditAction.FEDERATION_CONTRADICTION,
                    new AuditedResource("AUDIT_LOG", String.valueOf(number), null), org.borderwatch.audit.Outcome.DENIED,
                    "the witness " + partner.installation + " refused checkpoint " + number + ": " + answer.path("reason").asText());
        }
        return exchange.cosigned(partner.id, number, answer.path("checkpoint_sha256").asText(), jws, clock.instant());
    }

    private JsonNode keys(FederationPartner partner) {
        try {
            return json.readTree(partner.keySet);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Refused("the partner's key set is not JSON");
        }
    }

    /**
     * A release: a share in the recipient's inbox, as if released here, under the local agreement the partner carries. It
     * must come from an agency the partner speaks for, to one it does not; a later version must keep its agencies.
     */
    private Uni<String> release(FederationPartner partner, JsonNode report, String jws) {
        SharedCase content;
        try {
            content = stix.content(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new Refused("the release's content is not a Borderwatch release: " + e.getMessage());
        }
        if (content.shareId() == null || !report.path("id").asText().equals(StixRelease.reportOf(content.shareId()))) {
            throw new Refused("the release names another share than its id");
        }
        if (content.handlingCode() == null || content.categories() == null || content.categories().isEmpty() || content.publishedAt() == null
                || content.version() < 1 || content.fromAgency() == null || content.toAgency() == null) {
            throw new Refused("a release without its agencies, handling code, categories, version or publication time");
        }
        if (!partner.speaksFor(content.fromAgency()) || partner.speaksFor(content.toAgency())) {
            throw new Refused("a release from " + content.fromAgency() + " to " + content.toAgency() + ": " + partner.installation
                    + " speaks for " + partner.agencyCodes());
        }
        Instant expiresAt = instant(report.path("extensions").path(StixRelease.RELEASE_EXTENSION).path("expires_at").asText());
        Instant created = instant(report.path("created").asText());
        return agreed(partner, content).chain(agreement -> shares.byId(content.shareId()).chain(existing -> {
            if (existing != null && (!partner.installation.equals(existing.originInstallation) || !existing.fromAgency.equals(content.fromAgency())
                    || !existing.toAgency.equals(content.toAgency()) || !existing.agreementId.equals(agreement.id))) {
                throw new Refused("share " + content.shareId() + " is not one this partner released, or not between the same agencies");
            }
            if (existing != null && existing.status.ended()) {
                return Uni.createFrom().item(content.toAgency());
            }
            Share share = existing != null ? existing : mirror(partner, content, agreement, created);
            share.handlingCode = content.handlingCode();
            share.conditions = content.conditions();
            share.purpose = content.purpose();
            share.expiresAt = expiresAt;
            share.categories = String.join(",", content.categories());
            share.updatedAt = clock.instant();
            return (existing == null ? shares.add(share) : Uni.createFrom().item(share)).chain(() -> snapshots.version(share.id, content.version()))
                    .chain(known -> known != null ? Uni.createFrom().voidItem() : snapshots.add(snapshot(content, jws, partner))
                            .chain(() -> shares.flush())
                            .chain(() -> shares.announce(share, existing == null ? "SHARED" : "UPDATED", clock.instant())))
                    .replaceWith(content.toAgency());
        }));
    }

    /** The local agreement, carried by this partner, that allows this release today; refused when none does. */
    private Uni<Agreement> agreed(FederationPartner partner, SharedCase content) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return agreements.byIds(partner.agreementIds()).map(carried -> carried.stream()
                .filter(a -> a.fromAgency.equals(content.fromAgency()) && a.toAgency.equals(content.toAgency()) && a.inForceOn(today)
                        && content.handlingCode().within(a.maxHandlingCode) && a.categorySet().containsAll(content.categories()))
                .findFirst().orElseThrow(() -> new Refused("no agreement carried for " + partner.installation + " allows a release from "
                        + content.fromAgency() + " to " + content.toAgency() + " under " + content.handlingCode() + " for " + content.categories())));
    }

    private Share mirror(FederationPartner partner, SharedCase content, Agreement agreement, Instant created) {
        Share share = new Share();
        share.id = content.shareId();
        share.fromAgency = content.fromAgency();
        share.toAgency = content.toAgency();
        share.agreementId = agreement.id;
        share.redaction = "{}";
        share.status = ShareStatus.ACTIVE;
        share.requestedBy = TaxiiCollections.callerOf(partner).subject();
        share.approvedBy = share.requestedBy;
        share.approvedAt = clock.instant();
        share.createdAt = created;
        share.originInstallation = partner.installation;
        return share;
    }

    private ShareSnapshot snapshot(SharedCase content, String jws, FederationPartner partner) {
        ShareSnapshot snapshot = new ShareSnapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.shareId = content.shareId();
        snapshot.version = content.version();
        try {
            snapshot.content = json.writeValueAsString(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        snapshot.signed = jws;
        snapshot.publishedBy = TaxiiCollections.callerOf(partner).subject();
        snapshot.publishedAt = content.publishedAt();
        return snapshot;
    }

    /** A recall: the received share is withdrawn from the inbox at once. */
    private Uni<String> recall(FederationPartner partner, JsonNode report) {
        UUID shareId = shareOf(report.path("id").asText(), "report--");
        Instant endedAt = instant(report.path("modified").asText());
        String reason = text(report.path("extensions").path(StixRelease.RELEASE_EXTENSION).path("recall_reason").asText("recalled"), 500);
        return shares.byId(shareId).chain(share -> {
            if (share == null || !partner.installation.equals(share.originInstallation)) {
                throw new Refused("recall of a share this partner did not release here");
            }
            if (share.status.ended()) {
                return Uni.createFrom().item(share.toAgency);
            }
            share.status = ShareStatus.REVOKED;
            share.endedBy = TaxiiCollections.callerOf(partner).subject();
            share.endedAt = endedAt;
            share.endReason = reason;
            share.updatedAt = clock.instant();
            return shares.flush().chain(() -> shares.announce(share, "REVOKED", clock.instant())).replaceWith(share.toAgency);
        });
    }

    /** A message written at the partner, on a share both sides hold, by the agency on the partner's side of it. */
    private Uni<String> message(FederationPartner partner, JsonNode note) {
        UUID shareId = shareOf(note.path("object_refs").path(0).asText(), "report--");
        JsonNode fields = note.path("extensions").path(StixRelease.MESSAGE_EXTENSION);
        ShareMessage message = new ShareMessage();
        message.id = shareOf(note.path("id").asText(), "note--");
        message.shareId = shareId;
        message.kind = kind(fields.path("kind").asText());
        message.author = text(note.path("authors").path(0).asText(), 200);
        message.body = text(note.path("content").asText(), 10_000);
        message.dueAt = fields.hasNonNull("due_at") ? instant(fields.path("due_at").asText()) : null;
        message.answers = fields.hasNonNull("answers") ? shareOf(fields.path("answers").asText(), "note--") : null;
        message.createdAt = instant(note.path("created").asText());
        message.originInstallation = partner.installation;
        if ((message.kind == MessageKind.REQUEST_FOR_INFORMATION) != (message.dueAt != null)
                || (message.kind == MessageKind.RESPONSE) != (message.answers != null)) {
            throw new Refused("a " + message.kind + " with the wrong due date or answer");
        }
        return party(partner, shareId).chain(share -> {
            String partnerSide = share.originInstallation != null ? share.fromAgency : share.toAgency;
            if (!partnerSide.equals(fields.path("author_agency").asText())) {
                throw new Refused("a message by " + fields.path("author_agency").asText() + ", not by " + partnerSide);
            }
            message.authorAgency = partnerSide;
            String ours = share.originInstallation != null ? share.toAgency : share.fromAgency;
            Uni<Void> answerable = message.answers == null ? Uni.createFrom().voidItem() : messages.byId(message.answers).map(request -> {
                if (request == null || !request.shareId.equals(shareId) || request.kind != MessageKind.REQUEST_FOR_INFORMATION) {
                    throw new Refused("a response to " + message.answers + ", which is no request for information on this share");
                }
                return null;
            });
            return answerable.chain(() -> messages.byId(message.id)).chain(known -> known != null ? Uni.createFrom().voidItem()
                    : messages.add(message).chain(() -> shares.announce(share, "MESSAGE", clock.instant()))).replaceWith(ours);
        });
    }

    private Uni<String> acknowledgement(FederationPartner partner, JsonNode ack) {
        UUID shareId = shareOf(ack.path("object_ref").asText(), "report--");
        Instant at = instant(ack.path("acknowledged_at").asText());
        return party(partner, shareId).chain(share -> {
            if (share.originInstallation != null) {
                throw new Refused("only the receiving side acknowledges");
            }
            if (share.acknowledgedAt != null) {
                return Uni.createFrom().item(share.fromAgency);
            }
            share.acknowledgedBy = TaxiiCollections.callerOf(partner).subject();
            share.acknowledgedAt = at;
            share.updatedAt = clock.instant();
            return shares.flush().chain(() -> shares.announce(share, "ACKNOWLEDGED", clock.instant())).replaceWith(share.fromAgency);
        });
    }

    /** A share both this installation and the partner hold: released by the partner, or released here under an agreement it carries. */
    private Uni<Share> party(FederationPartner partner, UUID shareId) {
        return shares.byId(shareId).map(share -> {
            boolean held = share != null && (partner.installation.equals(share.originInstallation)
                    || share.originInstallation == null && share.wasReleased() && partner.agreementIds().contains(share.agreementId)
                    && partner.speaksFor(share.toAgency));
            if (!held) {
                throw new Refused("share " + shareId + " is not held with " + partner.installation);
            }
            return share;
        });
    }

    private static MessageKind kind(String name) {
        try {
            return MessageKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new Refused("no message kind " + name);
        }
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new Refused("a text missing or longer than " + max);
        }
        return value;
    }

    private static UUID shareOf(String stixId, String prefix) {
        try {
            if (!stixId.startsWith(prefix)) {
                throw new IllegalArgumentException(stixId);
            }
            return UUID.fromString(stixId.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw new Refused("not a " + prefix + " identifier: " + stixId);
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refused("not a timestamp: " + value);
        }
    }
}
