package org.borderwatch.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The committed API contract, openapi/openapi.json. */
public final class Contract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

    private Contract() {
    }

    /** Every documented operation as "METHOD /path/{template}". */
    public static Set<String> operations() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(Files.readString(Path.of("openapi/openapi.json"))).path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return operations;
    }
}
