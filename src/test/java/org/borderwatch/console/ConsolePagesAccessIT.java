package org.borderwatch.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.support.Browser;
import org.borderwatch.support.Keycloak;
import org.borderwatch.support.Reports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every console page for the roles that may not see it (403, recorded), with bad input (400 naming the field), and
 * with another agency's object (404, recorded) — answered as the API answers, as a page.
 */
@QuarkusIntegrationTest
class ConsolePagesAccessIT {

    private static final List<String> PAGES = List.of("/console/inbox", "/console/outgoing", "/console/reports", "/console/map",
            "/console/cases", "/console/approvals", "/console/audit", "/console/audit-signals", "/console/audit-chain", "/console/admin");
    /** Who may open each page (DESIGN.md's roles); everyone else gets 403. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "liaison.gx", List.of("/console/inbox", "/console/outgoing"),
            "supervisor.qn", List.of("/console/outgoing", "/console/reports", "/console/map", "/console/cases", "/console/approvals"),
            "auditor", List.of("/console/audit", "/console/audit-signals", "/console/audit-chain"),
            "admin", List.of("/console/admin"),
            "officer.qn", List.of());

    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    @Test
    void eachPageOpensForItsRolesAndIsForbiddenToTheOthers() {
        for (Map.Entry<String, List<String>> user : ALLOWED.entrySet()) {
            try (BrowserContext context = browser.context("en-GB")) {
                Page page = Browser.signIn(context, base(), "/console", user.getKey());
                for (String path : PAGES) {
                    Response response = page.navigate(base() + path);
                    int expected = user.getValue().contains(path) ? 200 : 403;
                    assertThat(response.status()).as(user.getKey() + " " + path).isEqualTo(expected);
                    if (expected == 403) {
                        assertThat(page.textContent("h1")).contains("403");
                    }
                }
            }
        }
        given().auth().oauth2(Keycloak.token("auditor")).queryParam("outcome", "DENIED").queryParam("action", "ACCESS")
                .when().get("/api/v1/audit/events").then().statusCode(200)
                .body("items.reason", hasItem("role not allowed for AuditPages.log"));
    }

    @Test
    void badInputIsA400PageNamingTheField() {
        Map<String, String> supervisor = Map.of("/console/reports?status=SHREDDED", "status", "/console/reports?bbox=1,2", "bbox",
                "/console/map?from=yesterday", "from", "/console/reports/not-a-report", "id", "/console/cases/42/release", "caseId",
                "/console/reports?q=ma+t%C3%BAy", "q");
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "supervisor.qn");
            for (Map.Entry<String, String> bad : supervisor.entrySet()) {
                Response response = page.navigate(base() + bad.getKey());
                assertThat(response.status()).as(bad.getKey()).isEqualTo(400);
                assertThat(page.textContent(".errors")).as(bad.getKey()).contains(bad.getValue());
            }
            // a decision form with an out-of-range grading: 400 naming grading.source, nothing decided
            UUID report = Reports.filed(Keycloak.token("officer.qn"), Reports.FULL);
            page.navigate(base() + "/console/reports/" + report);
            page.evaluate("() => { const o = document.createElement('option'); o.value = 'Z'; o.textContent = 'Z';"
                    + " document.getElementById('source').appendChild(o); }");
            page.selectOption("#source", "Z");
            page.selectOption("#information", "2");
            Response refused = page.waitForNavigation(() -> page.click("#decision-form button[type=submit]"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.textContent(".errors")).contains("grading.source");
            given().auth().oauth2(Keycloak.token("supervisor.qn")).when().get("/api/v1/reports/" + report).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));
        }
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "auditor");
            for (Map.Entry<String, String> bad : Map.of("/console/audit?action=BURN", "action", "/console/audit?actor=%3Cscript%3E", "actor",
                    "/console/audit-signals?hours=0", "hours").entrySet()) {
                Response response = page.navigate(base() + bad.getKey());
                assertThat(response.status()).as(bad.getKey()).isEqualTo(400);
                assertThat(page.textContent(".errors")).as(bad.getKey()).contains(bad.getValue());
            }
            assertThat(page.innerHTML("main")).doesNotContain("<script>");
        }
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "liaison.gx");
            Response response = page.navigate(base() + "/console/inbox/not-a-share");
            assertThat(response.status()).isEqualTo(400);
            assertThat(page.textContent(".errors")).contains("shareId");
        }
    }

    @Test
    void anotherAgencysReportOrCaseIsNotFoundAndTheAttemptRecorded() {
        UUID langSon = Reports.filed(Keycloak.token("officer.ls"), Reports.FULL);
        UUID quangNinh = Reports.filed(Keycloak.token("officer.qn"), Reports.FULL);
        org.borderwatch.vetting.rest.DecisionResourceTest.decide(Keycloak.token("supervisor.qn"), quangNinh, "\"1\"",
                org.borderwatch.vetting.rest.DecisionResourceTest.VERIFY).statusCode(200);
        String caseOfQuangNinh = given().auth().oauth2(Keycloak.token("supervisor.qn")).contentType(ContentType.JSON)
                .body("{\"title\":\"Quang Ninh only\",\"reportIds\":[\"" + quangNinh + "\"]}").when().post("/api/v1/cases").then()
                .statusCode(201).extract().path("id");
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "supervisor.qn");
            Response report = page.navigate(base() + "/console/reports/" + langSon);
            assertThat(report.status()).isEqualTo(404);
            assertThat(page.textContent("main")).contains("No such report");
        }
        int year = java.time.Year.now().getValue();
        given().auth().oauth2(Keycloak.token("admin")).contentType(ContentType.JSON)
                .body("{\"from\":\"VN-QN\",\"to\":\"CN-GX\",\"categories\":[\"DRUGS\"],\"maxHandlingCode\":\"H2\",\"validFrom\":\""
                        + (year - 1) + "-01-01\",\"validTo\":\"" + (year + 1) + "-12-31\",\"reference\":\"JWC-2026/03 minutes, item 4\"}")
                .when().put("/api/v1/agreements/" + UUID.randomUUID()).then().statusCode(201);
        String shareId = given().auth().oauth2(Keycloak.token("supervisor.qn")).contentType(ContentType.JSON)
                .body("{\"toAgency\":\"CN-GX\",\"handlingCode\":\"H1\",\"purpose\":\"Joint investigation of the Bac Luan II route\","
                        + "\"expiresAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(30)) + "\","
                        + "\"redaction\":{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[]}}")
                .when().post("/api/v1/cases/" + caseOfQuangNinh + "/shares").then().statusCode(201).extract().path("id");
        try (BrowserContext context = browser.context("en-GB")) {
            // the recipient's liaison reads the share in the inbox, never on the owner's page of what was given
            Page page = Browser.signIn(context, base(), "/console", "liaison.gx");
            Response owners = page.navigate(base() + "/console/cases/" + caseOfQuangNinh + "/shares/" + shareId);
            assertThat(owners.status()).isEqualTo(404);
            assertThat(page.textContent("main")).contains("No such share");
        }
        given().auth().oauth2(Keycloak.token("auditor")).queryParam("resourceId", shareId).queryParam("outcome", "DENIED")
                .when().get("/api/v1/audit/events").then().statusCode(200).body("items.action", hasItem("SHARE_READ"));
        given().auth().oauth2(Keycloak.token("auditor")).queryParam("resourceId", langSon.toString()).queryParam("outcome", "DENIED")
                .when().get("/api/v1/audit/events").then().statusCode(200).body("items.action", hasItem("REPORT_READ"));
    }
}
