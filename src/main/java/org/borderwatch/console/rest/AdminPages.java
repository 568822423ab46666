package org.borderwatch.console.rest;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

/** The admin's view of agencies and agreements (changes go through the API, which records them). */
@Path("/console/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class AdminPages {

    private final ConsoleSession session;
    private final AgencyService agencies;
    private final AgreementService agreements;
    private final PageLimit pageLimit;

    public AdminPages(ConsoleSession session, AgencyService agencies, AgreementService agreements, PageLimit pageLimit) {
        this.session = session;
        this.agencies = agencies;
        this.agreements = agreements;
        this.pageLimit = pageLimit;
    }

    @GET
    public Uni<TemplateInstance> overview(@QueryParam("cursor") String cursor) {
        String after = Params.text("cursor", cursor, 512);
        return session.caller().chain(caller -> agreements.list(caller, after, pageLimit.resolve(null)))
                .chain(page -> agencies.all().chain(all -> session.frame().map(frame -> session.localized(Pages.admin(frame,
                        all.stream().map(AgencyView::of).toList(), page.items().stream().map(AgreementView::of).toList(), page.nextCursor())))));
    }
}
