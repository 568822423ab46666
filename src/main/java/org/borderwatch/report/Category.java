package org.borderwatch.report;

/** What a field report is about. */
public enum Category {
    DRUGS, COUNTERFEIT_CURRENCY, HUMAN_TRAFFICKING, GOODS_SMUGGLING, WILDLIFE_TRAFFICKING, WEAPONS,
    ILLEGAL_CROSSING, CYBER_FRAUD, EPIDEMIC_RISK, OTHER
}
