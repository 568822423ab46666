package org.borderwatch.console.rest;

import java.util.Locale;
import java.util.Set;
import org.borderwatch.security.Roles;

/** What every console page shows around its content: who is signed in, for which agency, the menu, the form token. */
public record Frame(String user, String agency, Set<String> roles, String csrf, String lang, String path) {

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    public boolean liaison() {
        return roles.contains(Roles.LIAISON);
    }

    public boolean supervisor() {
        return roles.contains(Roles.SUPERVISOR);
    }

    public boolean auditor() {
        return roles.contains(Roles.AUDITOR);
    }

    public boolean admin() {
        return roles.contains(Roles.ADMIN) || roles.contains(Roles.OPERATOR);
    }

    /** Whether a menu entry is the page being shown. */
    public boolean at(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
