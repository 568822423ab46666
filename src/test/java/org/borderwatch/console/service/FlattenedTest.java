package org.borderwatch.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlattenedTest {

    @Test
    void everyReleasedFieldIsOneRowNamedByItsPathAndAbsentFieldsAreNoRows() {
        Map<String, Object> content = new java.util.LinkedHashMap<>();
        content.put("title", "Meth at Bac Luan II");
        Map<String, Object> report = new java.util.LinkedHashMap<>();
        report.put("plate", "[redacted]");
        report.put("value", new BigDecimal("300000000"));
        content.put("reports", List.of(report));
        content.put("evidence", List.of());
        content.put("grading", null);
        assertThat(Flattened.of(new ObjectMapper(), content)).containsExactly(new Flattened.Row("title", "Meth at Bac Luan II"),
                new Flattened.Row("reports[0].plate", "[redacted]"), new Flattened.Row("reports[0].value", "300000000"),
                new Flattened.Row("evidence", "—"));
    }
}
