package org.borderwatch.audit;

/** How an attempt ended: allowed, refused by a rule, or failed (for example nothing there). */
public enum Outcome {
    ALLOWED, DENIED, FAILED
}
