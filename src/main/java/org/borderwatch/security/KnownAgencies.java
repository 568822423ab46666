package org.borderwatch.security;

import io.smallrye.mutiny.Uni;

/** Which agency codes this installation knows; kept by the sharing feature, asked by security for every caller. */
public interface KnownAgencies {

    Uni<Boolean> isKnown(String code);
}
