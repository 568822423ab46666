package org.borderwatch.sharing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What of the reports' free text leaves the agency: a supervisor's choice, not a regular expression's. */
@Schema(name = "NarrativeRelease", description = "WITHHELD: no narrative is released. MASKED: the narrative with plates, phone, "
        + "passport and identity-card numbers masked. FULL: the narrative as written (needs a second supervisor's approval).",
        example = "MASKED")
public enum NarrativeRelease {
    WITHHELD, MASKED, FULL
}
