package org.borderwatch.console.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.borderwatch.common.problem.Problem;
import org.borderwatch.common.problem.ProblemPage;
import org.borderwatch.common.problem.ProblemType;
import org.borderwatch.console.service.ConsoleLanguage;

/** The console's problems are pages with the same status, title, detail and fields as the API's problem+json. */
@ApplicationScoped
public class ConsoleProblemPage implements ProblemPage {

    @Override
    public boolean handles(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        return path.equals("/console") || path.startsWith("/console/");
    }

    @Override
    public Response render(ContainerRequestContext context, ProblemType type, Problem problem) {
        Cookie chosen = context.getCookies().get(ConsoleLanguage.COOKIE);
        String lang = ConsoleLanguage.resolve(chosen == null ? null : chosen.getValue(), context.getAcceptableLanguages());
        Locale locale = Locale.forLanguageTag(lang);
        String page = Pages.problem(new ProblemView(problem.status(), type.title(locale), problem.detail(),
                problem.errors() == null ? List.of() : problem.errors(), problem.instance(), lang)).setLocale(locale).render();
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
