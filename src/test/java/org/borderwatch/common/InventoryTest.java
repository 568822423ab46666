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
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Inventory (OWASP API9): every documented route is served, and undocumented ones are not. */
@QuarkusTest
class InventoryTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

    @Test
    void everyOperationInTheContractIsServed() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(Files.readString(Path.of("openapi/openapi.json"))).path("paths");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51")
                    .replace("/agencies/0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51", "/agencies/VN-QN")
                    .replace("/resources/0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51/", "/resources/REPORT/")
                    .replace("/snapshots/0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51/", "/snapshots/1/");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!METHODS.contains(method)) {
                    continue;
                }
                int status = given().header("Authorization", "Bearer not-a-token").when().request(method.toUpperCase(), concrete).statusCode();
                checked++;
                if (status == 404 || status == 405) {
                    missing.add(method.toUpperCase() + " " + path.getKey() + " -> " + status);
                }
            }
        }
        assertTrue(checked >= 50, "only " + checked + " operations found in openapi/openapi.json");
        assertTrue(missing.isEmpty(), "documented but not served: " + missing);
    }

    @Test
    void undocumentedRoutesAreNotServed() {
        for (String path : new String[] {"/api/v2/reports", "/api/v1/admin", "/api/v1/debug", "/api/v1/users", "/q/dev", "/q/dev-ui",
                "/api/v1/reports/0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51/export"}) {
            int status = given().header("Authorization", "Bearer not-a-token").when().get(path).statusCode();
            assertTrue(status == 404 || status == 405, path + " answered " + status);
        }
    }
}
