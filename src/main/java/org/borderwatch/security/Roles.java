package org.borderwatch.security;

/** The Keycloak realm roles Borderwatch knows. */
public final class Roles {
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String LIAISON = "liaison";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    /** The platform operator: adds agencies, and may change any agency or agreement (an admin acts for one agency). */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
