package org.borderwatch.console.rest;

import io.quarkus.qute.TemplateGlobal;
import java.util.Arrays;
import java.util.List;
import org.borderwatch.report.Category;
import org.borderwatch.report.Impact;
import org.borderwatch.report.ReportStatus;

/** The values the console's filter menus offer, taken from the same enums the API validates against. */
@TemplateGlobal
public final class Choices {

    static final List<String> categories = names(Category.values());
    static final List<String> impacts = names(Impact.values());
    static final List<String> statuses = names(ReportStatus.values());

    private Choices() {
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
