package org.borderwatch.federation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.borderwatch.federation.FederationPartner;
import org.borderwatch.federation.repository.FederationExchangeRepository;
import org.borderwatch.federation.repository.FederationPartnerRepository;
import org.borderwatch.security.ServiceSigner;
import org.borderwatch.sharing.Share;
import org.borderwatch.sharing.ShareSnapshot;
import org.borderwatch.sharing.SharedCase;
import org.borderwatch.sharing.repository.ShareRepository;
import org.borderwatch.sharing.repository.SnapshotRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns changes to shares into signed STIX objects in the collections of the partners concerned: the releasing side
 * publishes each snapshot version and the recall, either side publishes its messages, the receiving side its
 * acknowledgement. One publisher at a time across replicas, so a collection grows in commit order.
 */
@ApplicationScoped
public class FederationPublisher {

    private static final Logger LOG = Logger.getLogger(FederationPublisher.class);
    private static final int BATCH = 100;

    private final FederationExchangeRepository exchange;
    private final FederationPartnerRepository partners;
    private final ShareRepository shares;
    private final SnapshotRepository snapshots;
    private final ServiceSigner signer;
    private final org.borderwatch.audit.repository.AuditChainRepository chain;
    private final ObjectMapper json;
    private final StixRelease stix;
    private final String installation;

    public FederationPublisher(FederationExchangeRepository exchange, FederationPartnerRepository partners, ShareRepository shares,
                               SnapshotRepository snapshots, ServiceSigner signer, org.borderwatch.audit.repository.AuditChainRepository chain,
                               ObjectMapper json,
                               @ConfigProperty(name = "borderwatch.federation.installation") String installation) {
        this.exchange = exchange;
        this.partners = partners;
        this.shares = shares;
        this.snapshots = snapshots;
        this.signer = signer;
        this.chain = chain;
        this.json = json;
        this.stix = new StixRelease(json);
        this.installation = installation;
    }

    @Scheduled(every = "${borderwatch.federation.publish-every}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> publishQueued() {
        return publishBatch().onFailure().invoke(failure -> LOG.errorf(failure, "federation publisher")).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes up to one batch of queued changes in one transaction; answers how many were taken. */
    @WithTransaction
    public Uni<Integer> publishBatch() {
        return exchange.tryLockPublisher().chain(locked -> !locked ? Uni.createFrom().item(0) : exchange.queued(BATCH)
                .call(queued -> Multi.createFrom().iterable(queued).onItem().transformToUniAndConcatenate(this::publish).collect().last())
                .call(queued -> exchange.dequeue(queued.stream().map(FederationExchangeRepository.Queued::eventSeq).toList()))
                .call(queued -> partners.all().chain(all -> Multi.createFrom().iterable(all)
                        .onItem().transformToUniAndConcatenate(this::checkpoints).collect().last()))
                .map(List::size));
    }

    /** This installation's signed access-log checkpoints not yet offered to the partner, for it to witness, in order. */
    private Uni<Void> checkpoints(FederationPartner partner) {
        return exchange.lastCheckpointPublished(partner.id).chain(after -> chain.checkpoints(after, 50)).chain(checkpoints -> checkpoints.isEmpty()
                ? Uni.createFrom().voidItem()
                : definitions(partner).chain(() -> Multi.createFrom().iterable(checkpoints).onItem().transformToUniAndConcatenate(c -> add(partner, null,
                        stix.checkpoint(installation, c.number, c.lastPosition, c.lastHash, c.jws, c.signedAt))).collect().last()).replaceWithVoid());
    }

    private Uni<Void> publish(FederationExchangeRepository.Queued change) {
        return shares.byId(change.shareId()).chain(share -> share == null ? Uni.createFrom().voidItem()
                : concerned(share).chain(concerned -> Multi.createFrom().iterable(concerned)
                        .onItem().transformToUniAndConcatenate(partner -> publish(partner, share, change.kind())).collect().last())
                        .replaceWithVoid());
    }

    /**
     * The releasing side tells the partners carrying the share's agreement that speak for its recipient; the receiving side
     * tells the partner it came from.
     */
    private Uni<List<FederationPartner>> concerned(Share share) {
        if (share.originInstallation != null) {
            return partners.byInstallation(share.originInstallation).map(partner -> partner == null ? List.of() : List.of(partner));
        }
        return share.wasReleased() ? partners.carrying(share.agreementId).map(carrying -> carrying.stream()
                .filter(partner -> partner.speaksFor(share.toAgency)).toList()) : Uni.createFrom().item(List.of());
    }

    private Uni<Void> publish(FederationPartner partner, Share share, String kind) {
        boolean releasing = share.originInstallation == null;
        return switch (kind) {
            case "SHARED", "UPDATED" -> releasing ? definitions(partner).chain(() -> versions(partner, share)) : Uni.createFrom().voidItem();
            case "REVOKED", "EXPIRED" -> releasing ? add(partner, share, stix.recall(installation, share.id, share.createdAt, share.endedAt,
                    share.endReason)) : Uni.createFrom().voidItem();
            case "MESSAGE" -> exchange.unpublishedMessages(share.id, partner.id).chain(messages -> Multi.createFrom()
                    .iterable(messages).onItem().transformToUniAndConcatenate(message -> add(partner, share, stix.note(installation, message)))
                    .collect().last()).replaceWithVoid();
            case "ACKNOWLEDGED" -> !releasing && share.acknowledgedAt != null
                    ? add(partner, share, stix.acknowledgement(installation, share.id, share.toAgency, share.acknowledgedAt))
                    : Uni.createFrom().voidItem();
            default -> Uni.createFrom().voidItem();
        };
    }

    /** Borderwatch's identity, extension and marking definitions, once per partner, before its first release. */
    private Uni<Void> definitions(FederationPartner partner) {
        List<ObjectNode> definitions = stix.definitions(installation);
        return exchange.has(partner.id, definitions.get(0).path("id").asText()).chain(present -> present ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(definitions).onItem().transformToUniAndConcatenate(object -> add(partner, null, object))
                        .collect().last().replaceWithVoid());
    }

    private Uni<Void> versions(FederationPartner partner, Share share) {
        return snapshots.ofShare(share.id).chain(versions -> Multi.createFrom().iterable(versions)
                .onItem().transformToUniAndConcatenate(snapshot -> add(partner, share, stix.report(installation, content(snapshot),
                        share.createdAt, share.expiresAt)))
                .collect().last()).replaceWithVoid();
    }

    private SharedCase content(ShareSnapshot snapshot) {
        try {
            return json.readValue(snapshot.content, SharedCase.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + snapshot.id + " is not a SharedCase", e);
        }
    }

    /** Signs an object and adds it to the partner's collection (nothing when that version is there already). */
    Uni<Void> add(FederationPartner partner, Share share, ObjectNode object) {
        byte[] canonical = Canonical.bytes(object);
        String jws = SignedObjects.sign(signer, object);
        if (jws == null) {
            return Uni.createFrom().failure(new IllegalStateException("federation needs the snapshot signing key: objects are never sent unsigned"));
        }
        return exchange.add(partner.id, object.path("id").asText(), object.path("type").asText(), object.path("modified").asText(),
                share == null ? null : share.id, new String(canonical, java.nio.charset.StandardCharsets.UTF_8), jws,
                Canonical.sha256(canonical)).replaceWithVoid();
    }
}
