package org.borderwatch.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Released content as the rows a page shows: every field that leaves, by its path, and nothing else. The release
 * preview and the partner's view are drawn from the same redacted object, so what the supervisor sees is what leaves.
 */
public final class Flattened {

    public record Row(String field, String value) {
    }

    private Flattened() {
    }

    public static List<Row> of(ObjectMapper json, Object content) {
        List<Row> rows = new ArrayList<>();
        walk("", json.valueToTree(content), rows);
        return rows;
    }

    private static void walk(String path, JsonNode node, List<Row> rows) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), rows);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                rows.add(new Row(path, "—"));
            }
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), rows);
            }
        } else if (node.isBigDecimal()) {
            rows.add(new Row(path, node.decimalValue().toPlainString()));
        } else if (!node.isNull()) {
            rows.add(new Row(path, node.asText()));
        }
    }
}
