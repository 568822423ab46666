package org.borderwatch.report;

/** How serious the reporting officer judges the incident. */
public enum Impact {
    LOW, MEDIUM, HIGH
}
