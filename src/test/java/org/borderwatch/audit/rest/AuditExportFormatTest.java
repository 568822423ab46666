package org.borderwatch.audit.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.borderwatch.support.Db;
import org.borderwatch.support.Tokens;
import org.junit.jupiter.api.Test;

/** The export as an auditor's spreadsheet opens it: no cell is a formula; and NDJSON unless CSV is asked for (item 14). */
@QuarkusTest
class AuditExportFormatTest {

    static final String PURPOSE = "Quarterly review of formula cells";

    @Test
    void clientTextThatLooksLikeAFormulaIsNeutralisedAndEveryCellIsQuoted() throws Exception {
        String agency = "VN-QN";
        String auditor = Tokens.token("auditor-" + UUID.randomUUID(), "auditor", agency);
        String marker = UUID.randomUUID().toString();
        given().auth().oauth2(auditor).header("User-Agent", "=HYPERLINK(\"https://evil.example/" + marker + "\",\"open\")")
                .header("X-Device-Id", "+cmd|' /C calc'!A0").header("X-Access-Purpose", "@SUM(1+1) " + PURPOSE)
                .accept("text/csv").queryParam("to", 1).when().get("/api/v1/audit/export").then().statusCode(200);
        for (int i = 0; i < 100 && Db.count("select count(*) from audit_seal s join audit_event e on e.id = s.event_id"
                + " where e.user_agent like ?", "%" + marker + "%") == 0; i++) {
            Thread.sleep(100);
        }
        String csv = given().auth().oauth2(auditor).header("X-Access-Purpose", PURPOSE).accept("text/csv")
                .when().get("/api/v1/audit/export").then().statusCode(200).contentType("text/csv").extract().asString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        CSVRecord row = rows.stream().filter(r -> r.get("userAgent").contains(marker)).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"https://evil.example/" + marker + "\",\"open\")", row.get("userAgent"));
        assertEquals("'+cmd|' /C calc'!A0", row.get("deviceId"));
        assertEquals("'@SUM(1+1) " + PURPOSE, row.get("purpose"));
        for (String line : csv.split("\n")) {
            if (line.contains(marker)) {
                assertTrue(line.startsWith("\"") && line.endsWith("\""), line);
                assertFalse(line.contains("\"=") || line.contains("\"+") || line.contains("\"@"), line);
            }
        }
    }

    @Test
    void anyAcceptOrNoneAnswersNdjsonAndCsvOnlyWhenAskedFor() {
        String auditor = Tokens.token("auditor", "auditor", "VN-QN");
        given().auth().oauth2(auditor).header("X-Access-Purpose", PURPOSE).accept("*/*").queryParam("to", 2)
                .when().get("/api/v1/audit/export").then().statusCode(200).contentType("application/x-ndjson");
        given().auth().oauth2(auditor).header("X-Access-Purpose", PURPOSE).header("Accept", "").queryParam("to", 2)
                .when().get("/api/v1/audit/export").then().statusCode(200).contentType("application/x-ndjson");
        given().auth().oauth2(auditor).header("X-Access-Purpose", PURPOSE).accept("application/x-ndjson, */*;q=0.1").queryParam("to", 2)
                .when().get("/api/v1/audit/export").then().statusCode(200).contentType("application/x-ndjson");
        given().auth().oauth2(auditor).header("X-Access-Purpose", PURPOSE).accept("text/csv").queryParam("to", 2)
                .when().get("/api/v1/audit/export").then().statusCode(200).contentType("text/csv");
    }
}
