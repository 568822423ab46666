package org.borderwatch.report.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import org.borderwatch.report.Category;

/** Counts reports received (committed and new), by category. */
@ApplicationScoped
public class ReportMetrics {

    private final Map<Category, Counter> received = new EnumMap<>(Category.class);

    public ReportMetrics(MeterRegistry registry) {
        for (Category category : Category.values()) {
            received.put(category, Counter.builder("borderwatch.reports.received")
                    .description("Field reports received and stored, by category")
                    .tag("category", category.name()).register(registry));
        }
    }

    public void received(Category category) {
        received.get(category).increment();
    }
}
