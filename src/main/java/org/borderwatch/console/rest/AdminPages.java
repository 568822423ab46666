package org.borderwatch.console.rest;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import org.borderwatch.federation.rest.FederationStatusView;
import org.borderwatch.federation.service.FederationDeliveries;
import org.borderwatch.federation.service.FederationPartners;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.borderwatch.report.Category;
import org.borderwatch.sharing.HandlingCode;
import org.borderwatch.sharing.rest.AgreementRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.borderwatch.common.paging.PageLimit;
import org.borderwatch.common.web.Params;
import org.borderwatch.security.Roles;
import org.borderwatch.sharing.rest.AgencyView;
import org.borderwatch.sharing.rest.AgreementView;
import org.borderwatch.sharing.service.AgencyService;
import org.borderwatch.sharing.service.AgreementService;

/**
 * The admin's view of agencies, agreements and federation partners with how the exchange with each stands (changes of
 * partners go through the API, which records them).
 */
@Path("/console/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class AdminPages {

    private final ConsoleSession session;
    private final AgencyService agencies;
    private final AgreementService agreements;
    private final PageLimit pageLimit;
    private final Forms forms;
    private final FederationPartners partners;
    private final FederationDeliveries federation;

    public AdminPages(ConsoleSession session, AgencyService agencies, AgreementService agreements, PageLimit pageLimit, Forms forms,
                      FederationPartners partners, FederationDeliveries federation) {
        this.forms = forms;
        this.partners = partners;
        this.federation = federation;
        this.session = session;
        this.agencies = agencies;
        this.agreements = agreements;
        this.pageLimit = pageLimit;
    }

    @GET
    public Uni<TemplateInstance> overview(@QueryParam("cursor") String cursor) {
        String after = Params.text("cursor", cursor, 512);
        return session.caller().chain(caller -> agreements.list(caller, after, pageLimit.resolve(null))
                .chain(page -> agencies.all().chain(all -> federated(caller).chain(statuses -> session.frame().map(frame -> session.localized(
                        Pages.admin(frame, all.stream().map(AgencyView::of).toList(), page.items().stream().map(AgreementView::of).toList(),
                                page.nextCursor(), UUID.randomUUID(), statuses)))))));
    }

    /** How the exchange stands with each partner installation (the first 50), each read recorded as the API records it. */
    private Uni<List<FederationStatusView>> federated(org.borderwatch.security.Caller caller) {
        return partners.list(caller, null, 50).chain(page -> io.smallrye.mutiny.Multi.createFrom().iterable(page.items())
                .onItem().transformToUniAndConcatenate(partner -> federation.status(caller, partner.id).map(FederationStatusView::of))
                .collect().asList());
    }

    /**
     * Records a new agreement (as PUT /agreements/{id} does, and recorded as it is). The id is made with the form, so a
     * form sent twice records one agreement.
     */
    @POST
    @Path("agreements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> agree(@FormParam("csrf") String csrf, @FormParam("agreementId") String agreementId, @FormParam("from") String from,
                               @FormParam("to") String to, @FormParam("categories") List<String> categories,
                               @FormParam("maxHandlingCode") String maxHandlingCode, @FormParam("validFrom") String validFrom,
                               @FormParam("validTo") String validTo, @FormParam("reference") String reference) {
        UUID id = Params.uuid("agreementId", agreementId);
        List<Category> covered = new java.util.ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            covered.add(Params.enumValue("categories[" + i + "]", categories.get(i), Category.class));
        }
        AgreementRequest request = forms.valid(new AgreementRequest(from, to, covered.isEmpty() ? null : covered,
                Params.enumValue("maxHandlingCode", maxHandlingCode, HandlingCode.class), day("validFrom", validFrom), day("validTo", validTo),
                reference));
        return session.submitted(csrf).chain(caller -> agreements.put(caller, id, null, request).replaceWith(true)
                        .onFailure(AdminPages::exists).recoverWithUni(() -> agreements.read(caller, id).map(stored -> sameAs(stored, request))))
                .map(recorded -> {
                    if (!recorded) {
                        throw new org.borderwatch.common.problem.ProblemException(org.borderwatch.common.problem.ProblemType.CONFLICT,
                                "Agreement " + id + " was already recorded differently; open the page again to record another");
                    }
                    return Response.seeOther(URI.create("/console/admin")).build();
                });
    }

    /** The form was sent before: the agreement it made exists (a change of an agreement needs its version). */
    private static boolean exists(Throwable failure) {
        return failure instanceof org.borderwatch.common.problem.ProblemException problem
                && problem.type() == org.borderwatch.common.problem.ProblemType.PRECONDITION_REQUIRED;
    }

    private static boolean sameAs(org.borderwatch.sharing.Agreement stored, AgreementRequest sent) {
        return stored.fromAgency.equals(sent.from()) && stored.toAgency.equals(sent.to()) && stored.maxHandlingCode == sent.maxHandlingCode()
                && stored.validFrom.equals(sent.validFrom()) && stored.validTo.equals(sent.validTo()) && stored.reference.equals(sent.reference())
                && stored.categorySet().equals(sent.categories().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw org.borderwatch.common.problem.ProblemException.invalid(field, "must be a day such as 2027-12-31");
        }
    }
}
