package org.borderwatch.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.borderwatch.support.Contract;
import org.junit.jupiter.api.Test;

/** Inventory (OWASP API9): every documented route is served, and undocumented ones are not. */
@QuarkusTest
class InventoryTest {

    @Test
    void everyOperationInTheContractIsServed() throws Exception {
        List<String> missing = new ArrayList<>();
        Set<String> operations = Contract.operations();
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String concrete = template.replaceAll("\\{[^}]+}", "0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51")
                    .replace("/agencies/0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51", "/agencies/VN-QN")
                    .replace("/resources/0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51/", "/resources/REPORT/")
                    .replace("/snapshots/0b6f8f0e-4a43-4bb5-9d0c-9a7f3f2d8a51/", "/snapshots/1/");
            int status = given().header("Authorization", "Bearer not-a-token").when().request(method, concrete).statusCode();
            if (status == 404 || status == 405) {
                missing.add(operation + " -> " + status);
            }
        }
        assertTrue(operations.size() >= 50, "only " + operations.size() + " operations found in openapi/openapi.json");
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
