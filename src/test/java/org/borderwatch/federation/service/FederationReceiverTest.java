package org.borderwatch.federation.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.federation.FederationPartner;
import org.borderwatch.federation.repository.FederationPartnerRepository;
import org.borderwatch.security.ServiceSigner;
import org.borderwatch.sharing.SharedCase;
import org.borderwatch.support.Db;
import org.borderwatch.support.Federation;
import org.borderwatch.support.Sharing;
import org.junit.jupiter.api.Test;

/**
 * What a partner installation may and may not make happen here, whatever it signs: a release from an agency it speaks
 * for lands in the recipient's inbox; a release in the name of one of this installation's agencies, a change of a share's
 * agencies, or a response to a request that does not exist is refused and changes nothing.
 */
@QuarkusTest
class FederationReceiverTest {

    @Inject
    FederationReceiver receiver;
    @Inject
    FederationPartnerRepository partners;
    @Inject
    ServiceSigner signer;
    @Inject
    ObjectMapper json;

    record Link(Sharing.Parties parties, FederationPartner partner) {
    }

    /** A partner speaking for the parties' partner agency, carrying an agreement from it to the owner; its keys are this installation's. */
    Link link() {
        Sharing.Parties parties = Sharing.parties();
        UUID agreement = UUID.randomUUID();
        int year = java.time.Year.now().getValue();
        Sharing.putAgreement(agreement, Sharing.agreementBody(parties.partner(), parties.owner(), "\"DRUGS\"", "H2", (year - 1) + "-01-01",
                (year + 1) + "-12-31")).statusCode(201);
        UUID id = UUID.randomUUID();
        given().auth().oauth2(Sharing.OPERATOR).contentType(ContentType.JSON)
                .body(Federation.partnerBody(Federation.installation(), agreement, parties.partner()))
                .when().put("/api/v1/federation/partners/" + id).then().statusCode(201);
        return new Link(parties, on(() -> Panache.withSession(() -> partners.byId(id))));
    }

    SharedCase release(UUID share, String from, String to, int version) {
        return json.convertValue(Map.of("shareId", share.toString(), "version", version, "fromAgency", from, "toAgency", to, "handlingCode", "H1",
                "purpose", "Joint investigation of the Bac Luan II route", "publishedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                "title", "Heroin at Tra Linh", "categories", List.of("DRUGS"), "reports", List.of()), SharedCase.class);
    }

    FederationReceiver.Outcome apply(FederationPartner partner, ObjectNode... objects) {
        ObjectNode envelope = json.createObjectNode().put("more", false);
        for (ObjectNode object : objects) {
            envelope.withArray("objects").add(object);
            envelope.withArray("x_borderwatch_signatures").addObject().put("id", object.path("id").asText())
                    .put("version", object.path("modified").asText()).put("date_added", Instant.now().toString())
                    .put("jws", SignedObjects.sign(signer, object));
        }
        return on(() -> receiver.applyPage(partner, envelope));
    }

    /** Reactive work as the service does it: on a Vert.x context, awaited here. */
    static <T> T on(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReleaseFromAnAgencyThePartnerSpeaksForReachesTheRecipientsInbox() {
        Link link = link();
        UUID share = UUID.randomUUID();
        StixRelease stix = new StixRelease(json);
        FederationReceiver.Outcome outcome = apply(link.partner(), stix.report(link.partner().installation,
                release(share, link.parties().partner(), link.parties().owner(), 1), Instant.now(), Instant.now().plus(30, ChronoUnit.DAYS)));
        assertNull(outcome.refusal());
        given().auth().oauth2(link.parties().ownerLiaison()).when().get("/api/v1/inbox").then().statusCode(200)
                .body("items.find { it.id == '" + share + "' }.origin", equalTo(link.partner().installation));
        // a later version may not move the share to other agencies
        FederationReceiver.Outcome moved = apply(link.partner(), stix.report(link.partner().installation,
                release(share, link.parties().partner(), link.parties().third(), 2), Instant.now(), Instant.now().plus(30, ChronoUnit.DAYS)));
        assertTrue(moved.refusal() != null, "refused");
        assertEquals(link.parties().owner(), Db.text("select to_agency from case_share where id = ?", share));
    }

    @Test
    void aReleaseInTheNameOfOneOfThisInstallationsAgenciesIsRefused() {
        Link link = link();
        UUID share = UUID.randomUUID();
        FederationReceiver.Outcome outcome = apply(link.partner(), new StixRelease(json).report(link.partner().installation,
                release(share, link.parties().owner(), link.parties().partner(), 1), Instant.now(), Instant.now().plus(30, ChronoUnit.DAYS)));
        assertTrue(outcome.refusal() != null && outcome.refusal().contains("speaks for"), String.valueOf(outcome.refusal()));
        assertEquals(0, Db.count("select count(*) from case_share where id = ?", share));
        assertEquals(1, Db.count("select count(*) from audit_event where action = 'FEDERATION_REFUSE' and resource_id = ?",
                StixRelease.reportOf(share)));
    }

    @Test
    void aResponseToARequestThatDoesNotExistIsRefusedAndNothingAfterItIsApplied() {
        Link link = link();
        UUID share = UUID.randomUUID();
        StixRelease stix = new StixRelease(json);
        apply(link.partner(), stix.report(link.partner().installation, release(share, link.parties().partner(), link.parties().owner(), 1),
                Instant.now(), Instant.now().plus(30, ChronoUnit.DAYS)));
        org.borderwatch.sharing.ShareMessage response = new org.borderwatch.sharing.ShareMessage();
        response.id = UUID.randomUUID();
        response.shareId = share;
        response.kind = org.borderwatch.sharing.MessageKind.RESPONSE;
        response.author = "someone";
        response.authorAgency = link.parties().partner();
        response.body = "Lane 2";
        response.answers = UUID.randomUUID();
        response.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        org.borderwatch.sharing.ShareMessage comment = new org.borderwatch.sharing.ShareMessage();
        comment.id = UUID.randomUUID();
        comment.shareId = share;
        comment.kind = org.borderwatch.sharing.MessageKind.COMMENT;
        comment.author = "someone";
        comment.authorAgency = link.parties().partner();
        comment.body = "After the refused one";
        comment.createdAt = response.createdAt.plusMillis(1);
        FederationReceiver.Outcome outcome = apply(link.partner(), stix.note(link.partner().installation, response),
                stix.note(link.partner().installation, comment));
        assertTrue(outcome.refusal() != null && outcome.refusal().contains("no request for information"), String.valueOf(outcome.refusal()));
        assertEquals(0, Db.count("select count(*) from share_message where share_id = ?", share));
    }
}
