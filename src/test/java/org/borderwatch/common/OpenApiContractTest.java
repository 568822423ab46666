package org.borderwatch.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * openapi/openapi.json is the contract: it must be exactly what the service serves, and every
 * operation and schema must be documented. Each run writes the served document to
 * target/openapi-served.json; after an intended API change, copy it over openapi/openapi.json.
 */
@QuarkusTest
class OpenApiContractTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCommittedContractIsWhatTheServiceServes() throws Exception {
        String text = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target/openapi-served.json"), text);
        JsonNode served = JSON.readTree(text);
        JsonNode committed = JSON.readTree(Files.readString(Path.of("openapi/openapi.json")));
        assertTrue(committed.equals(served), "openapi/openapi.json differs from the served document; "
                + "copy target/openapi-served.json over it if the change is intended");
    }

    @Test
    void everyOperationHasAUniqueIdAndADescriptionAndEverySchemaADescriptionAndExample() throws Exception {
        JsonNode doc = JSON.readTree(Files.readString(Path.of("openapi/openapi.json")));
        List<String> missing = new ArrayList<>();
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String id = op.getValue().path("operationId").asText("");
                if (id.isEmpty() || !operationIds.add(id)) {
                    missing.add(op.getKey() + " " + path.getKey() + ": a unique operationId (" + id + ")");
                }
                if (!op.getValue().hasNonNull("description")) {
                    missing.add(op.getKey() + " " + path.getKey() + ": description");
                }
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if (!parameter.hasNonNull("description")) {
                        missing.add(op.getKey() + " " + path.getKey() + " parameter " + parameter.path("name").asText() + ": description");
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = doc.path("components").path("schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (!schema.getValue().hasNonNull("description")) {
                missing.add("schema " + schema.getKey() + ": description");
            }
            if (!schema.getValue().has("example") && !schema.getValue().has("examples")) {
                missing.add("schema " + schema.getKey() + ": example");
            }
        }
        assertTrue(missing.isEmpty(), "undocumented: " + missing);
    }
}
