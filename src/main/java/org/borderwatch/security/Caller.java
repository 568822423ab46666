package org.borderwatch.security;

import java.util.Set;
import java.util.TreeSet;

/** Who is calling: the token's subject, the agency it acts for, and its Borderwatch roles. */
public record Caller(String subject, String agency, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public String rolesText() {
        return String.join(",", new TreeSet<>(roles));
    }
}
