package org.borderwatch.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a field report is about. */
@Schema(description = "What a field report is about.", example = "DRUGS")
public enum Category {
    DRUGS, COUNTERFEIT_CURRENCY, HUMAN_TRAFFICKING, GOODS_SMUGGLING, WILDLIFE_TRAFFICKING, WEAPONS,
    ILLEGAL_CROSSING, CYBER_FRAUD, EPIDEMIC_RISK, OTHER
}
