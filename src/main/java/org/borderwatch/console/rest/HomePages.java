package org.borderwatch.console.rest;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.borderwatch.common.problem.ProblemException;
import org.borderwatch.console.service.ConsoleLanguage;

/** The console's entry: each role's first page, the language switch, and signing out (which ends the Keycloak session). */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class HomePages {

    private final ConsoleSession session;

    public HomePages(ConsoleSession session) {
        this.session = session;
    }

    @GET
    public Uni<Response> home() {
        return session.frame().map(frame -> {
            String first = frame.liaison() ? "/console/inbox" : frame.supervisor() ? "/console/reports" : frame.auditor() ? "/console/audit"
                    : frame.admin() ? "/console/admin" : null;
            return first == null ? Response.ok(session.localized(Pages.home(frame))).build() : Response.seeOther(URI.create(first)).build();
        });
    }

    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> language(@FormParam("csrf") String csrf, @FormParam("lang") String lang, @FormParam("back") String back) {
        if (!ConsoleLanguage.supported(lang)) {
            throw ProblemException.invalid("lang", "must be one of " + String.join(", ", ConsoleLanguage.SUPPORTED));
        }
        return session.submitted(csrf).map(caller -> {
            session.chooseLanguage(lang);
            return Response.seeOther(URI.create(local(back))).build();
        });
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@FormParam("csrf") String csrf) {
        return session.submitted(csrf).map(caller -> Response.seeOther(URI.create("/console/logout")).build());
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return session.localized(Pages.signedOut(session.language()));
    }

    /** Back to a console page only: never to another site, nor a path that leaves the console. */
    static String local(String back) {
        return back != null && back.matches("/console(/[A-Za-z0-9/_-]*)?") ? back : "/console";
    }
}
