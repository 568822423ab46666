package org.borderwatch.security;

/** The Keycloak realm roles Borderwatch knows. */
public final class Roles {
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String LIAISON = "liaison";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
