package org.borderwatch.console.rest;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import org.borderwatch.audit.AuditAction;
import org.borderwatch.common.web.CurrentRequest;
import org.borderwatch.common.web.Purposes;
import org.borderwatch.console.service.ConsoleLanguage;
import org.borderwatch.console.service.CsrfTokens;
import org.borderwatch.security.AccessDeniedException;
import org.borderwatch.security.Caller;
import org.borderwatch.security.CallerResolver;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** One console request: the signed-in caller, the page language, and the form token of the browser's session. */
@RequestScoped
public class ConsoleSession {

    private final RoutingContext routing;
    private final CallerResolver callers;
    private final CurrentIdentityAssociation identities;
    private final CurrentRequest request;
    private final boolean secure;
    private String csrf;

    public ConsoleSession(RoutingContext routing, CallerResolver callers, CurrentIdentityAssociation identities, CurrentRequest request,
                          @ConfigProperty(name = "borderwatch.console.secure-cookies") boolean secure) {
        this.routing = routing;
        this.callers = callers;
        this.identities = identities;
        this.request = request;
        this.secure = secure;
    }

    public Uni<Caller> caller() {
        return callers.current();
    }

    /** The caller and what the page around the content needs. */
    public Uni<Frame> frame() {
        return callers.current().chain(caller -> identities.getDeferredIdentity().map(identity -> {
            String name = identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("preferred_username") != null
                    ? token.getClaim("preferred_username").toString() : caller.subject();
            return new Frame(name, caller.agency(), caller.roles(), csrf(), language(), routing.normalizedPath());
        }));
    }

    /** The caller of a form: refused (403, recorded) unless the form carries this browser's token. */
    public Uni<Caller> submitted(String token) {
        return callers.current().map(caller -> {
            Cookie cookie = routing.request().getCookie(CsrfTokens.cookieName(secure));
            if (!CsrfTokens.matches(cookie == null ? null : cookie.getValue(), token)) {
                throw AccessDeniedException.forbidden(caller, AuditAction.ACCESS,
                        "the form's CSRF token is missing or does not match this browser's session");
            }
            return caller;
        });
    }

    /** A purpose stated in a form: checked as the X-Access-Purpose header is, and recorded with the read it allows. */
    public void statePurpose(String purpose) {
        Purposes.requireField("purpose", purpose, "this is read");
        request.statePurpose(purpose.strip());
    }

    public String language() {
        Cookie chosen = routing.request().getCookie(ConsoleLanguage.COOKIE);
        return ConsoleLanguage.resolve(chosen == null ? null : chosen.getValue(), routing.acceptableLanguages().stream()
                .map(language -> Locale.forLanguageTag(language.value())).toList());
    }

    public void chooseLanguage(String language) {
        routing.response().addCookie(cookie(ConsoleLanguage.COOKIE, language).setMaxAge(365L * 24 * 3600));
    }

    public TemplateInstance localized(TemplateInstance page) {
        return page.setLocale(Locale.forLanguageTag(language()));
    }

    /** This browser's form token, made (and set as a cookie) on its first console page. */
    public String csrf() {
        if (csrf == null) {
            Cookie cookie = routing.request().getCookie(CsrfTokens.cookieName(secure));
            csrf = cookie != null && CsrfTokens.wellFormed(cookie.getValue()) ? cookie.getValue() : null;
            if (csrf == null) {
                csrf = CsrfTokens.fresh();
                routing.response().addCookie(cookie(CsrfTokens.cookieName(secure), csrf));
            }
        }
        return csrf;
    }

    private Cookie cookie(String name, String value) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.STRICT);
    }
}
