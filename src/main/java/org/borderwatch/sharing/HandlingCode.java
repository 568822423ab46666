package org.borderwatch.sharing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The handling code a release carries, ordered from least to most restrictive: H0 no restriction within law
 * enforcement; H1 not for use as evidence without consent; H2 no onward sharing without the originator's
 * consent; H3 other restrictions, stated in text.
 */
@Schema(description = "H0 no restriction within law enforcement; H1 not for use as evidence without consent; "
        + "H2 no onward sharing without the originator's consent; H3 other restrictions stated in text.", example = "H1")
public enum HandlingCode {
    H0, H1, H2, H3;

    public boolean within(HandlingCode highest) {
        return compareTo(highest) <= 0;
    }
}
