package org.borderwatch.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.borderwatch.support.Browser;
import org.borderwatch.support.Keycloak;
import org.borderwatch.support.Reports;
import org.borderwatch.vetting.rest.DecisionResourceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser (Debian's chromium) against the packaged service in production mode, signing in
 * through the real Keycloak: each role's main path, the wrong-role and wrong-agency answers, CSRF, the languages,
 * accessibility (axe-core: nothing serious or critical), and the screenshots the README shows.
 */
@QuarkusIntegrationTest
class ConsoleIT {

    private static Browser browser;

    @BeforeAll
    static void openBrowser() throws java.io.IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        browser = new Browser();
    }

    private static boolean agreed;

    /** The agreement every release of this suite goes under (made once, through the API, before the first release). */
    private static synchronized void agreement() {
        if (agreed) {
            return;
        }
        agreed = true;
        int year = Year.now().getValue();
        given().auth().oauth2(Keycloak.token("admin")).contentType(ContentType.JSON)
                .body("{\"from\":\"VN-QN\",\"to\":\"CN-GX\",\"categories\":[\"DRUGS\",\"ILLEGAL_CROSSING\"],\"maxHandlingCode\":\"H2\",\"validFrom\":\""
                        + (year - 1) + "-01-01\",\"validTo\":\"" + (year + 1) + "-12-31\",\"reference\":\"JWC-2026/03 minutes, item 4\"}")
                .when().put("/api/v1/agreements/" + UUID.randomUUID()).then().statusCode(201);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private static String base() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    /** A verified report in a new case of Quang Ninh. */
    private static UUID[] verifiedCase(String title) {
        agreement();
        UUID report = Reports.filed(Keycloak.token("officer.qn"), Reports.FULL);
        DecisionResourceTest.decide(Keycloak.token("supervisor.qn"), report, "\"1\"", DecisionResourceTest.VERIFY).statusCode(200);
        String caseId = given().auth().oauth2(Keycloak.token("supervisor.qn")).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"reportIds\":[\"" + report + "\"]}")
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        return new UUID[] {report, UUID.fromString(caseId)};
    }

    private static String releaseAtH1(UUID caseId) {
        return given().auth().oauth2(Keycloak.token("supervisor.qn")).contentType(ContentType.JSON)
                .body("{\"toAgency\":\"CN-GX\",\"handlingCode\":\"H1\",\"purpose\":\"Joint investigation of the Bac Luan II route\","
                        + "\"expiresAt\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\","
                        + "\"redaction\":{\"exactLocation\":false,\"personIdentifiers\":false,\"narrative\":\"MASKED\",\"evidence\":[]}}")
                .when().post("/api/v1/cases/" + caseId + "/shares").then().statusCode(201).body("status", equalTo("ACTIVE"))
                .extract().path("id");
    }

    @Test
    void aLiaisonSeesAShareArriveLiveReadsItForAStatedPurposeAndAnswersARequest() {
        try (BrowserContext context = browser.context("en-GB")) {
            Page inbox = Browser.signIn(context, base(), "/console", "liaison.gx");
            assertThat(inbox.url()).endsWith("/console/inbox");
            UUID caseId = verifiedCase("Meth at Bac Luan II")[1];
            String shareId = releaseAtH1(caseId);
            // arrives without a reload: the live stream tells the page, which fetches its rows again
            inbox.waitForSelector("a[href='/console/inbox/" + shareId + "']", new Page.WaitForSelectorOptions().setTimeout(20_000));
            assertThat(inbox.textContent("#live-notice")).contains("The inbox changed");
            Browser.screenshot(inbox, "inbox");
            assertThat(Browser.accessibilityViolations(inbox)).isEmpty();

            String question = given().auth().oauth2(Keycloak.token("supervisor.qn")).contentType(ContentType.JSON)
                    .body("{\"kind\":\"REQUEST_FOR_INFORMATION\",\"body\":\"Did the motorbike cross at marker 1369?\",\"dueAt\":\""
                            + Instant.now().plus(2, ChronoUnit.DAYS) + "\"}")
                    .when().post("/api/v1/shares/" + shareId + "/messages").then().statusCode(201).extract().path("id");

            inbox.navigate(base() + "/console/inbox/" + shareId);
            inbox.fill("#purpose", "Planning the joint patrol of the river crossing");
            inbox.click("button[type=submit]:has-text('Read the shared case')");
            inbox.waitForSelector(".snapshot");
            assertThat(inbox.textContent(".snapshot")).contains("[redacted]").doesNotContain("14A-123.45");
            assertThat(Browser.accessibilityViolations(inbox)).isEmpty();

            inbox.click("button:has-text('Acknowledge receipt')");
            inbox.waitForSelector("text=Receipt acknowledged");
            inbox.selectOption("#kind", "RESPONSE");
            inbox.selectOption("#answers", question);
            inbox.fill("#body", "Yes, at 21:40, heading north.");
            inbox.click("#message-form button[type=submit]");
            inbox.waitForSelector("text=Message sent.");
            assertThat(inbox.textContent(".thread")).contains("Yes, at 21:40, heading north.").contains("answered");

            Download download = inbox.waitForDownload(() -> inbox.click("button:has-text('Download the signed copy')"));
            assertThat(download.suggestedFilename()).isEqualTo("share-" + shareId + "-v1.jws");

            given().auth().oauth2(Keycloak.token("supervisor.qn")).when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(200)
                    .body("items.find { it.kind == 'RESPONSE' }.answers", equalTo(question))
                    .body("items.find { it.id == '" + question + "' }.answered", equalTo(true));
            given().auth().oauth2(Keycloak.token("auditor")).queryParam("resourceId", shareId).queryParam("action", "SHARE_READ")
                    .when().get("/api/v1/audit/events").then().statusCode(200)
                    .body("items.purpose", hasItem("Planning the joint patrol of the river crossing"));
        }
    }

    @Test
    void aSupervisorPreviewsExactlyWhatLeavesReleasesAndASecondSupervisorApproves() {
        UUID caseId = verifiedCase("Plates seen at Mong Cai")[1];
        String purpose = "Joint investigation of the Mong Cai route " + caseId.toString().substring(0, 8);
        String shareId;
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console/cases/" + caseId + "/release", "supervisor.qn");
            page.fill("#toAgency", "CN-GX");
            page.selectOption("#handlingCode", "H2");
            page.fill("#purpose", purpose);
            page.fill("#expiresAt", Instant.now().plus(20, ChronoUnit.DAYS).atOffset(java.time.ZoneOffset.ofHours(7)).toLocalDateTime()
                    .truncatedTo(ChronoUnit.MINUTES).toString());
            page.click("button:has-text('Preview what the partner will see')");
            page.waitForSelector("#preview");
            String preview = page.textContent("#preview");
            assertThat(preview).contains("[redacted]").doesNotContain("14A-123.45").doesNotContain("officer.qn");
            assertThat(page.textContent("main")).contains("waits for a second supervisor");
            Browser.screenshot(page, "release-preview");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            // nothing has left yet
            given().auth().oauth2(Keycloak.token("liaison.gx")).when().get("/api/v1/inbox").then().statusCode(200)
                    .body("items.find { it.purpose == '" + purpose + "' }", equalTo(null));
            page.click("#confirm-release");
            page.waitForURL(base() + "/console/outgoing");
            shareId = page.getAttribute("form[action$='/approve']", "action").replaceAll(".*/shares/([^/]+)/approve", "$1");
            // the requester cannot approve their own release: the page answers 403 as the API does
            Response own = page.waitForNavigation(() -> page.click("form[action$='/shares/" + shareId + "/approve'] button"));
            assertThat(own.status()).isEqualTo(403);
        }
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console/cases/" + caseId, "supervisor2.qn");
            // the case page lists its reports and the release held for approval
            assertThat(page.textContent("main")).contains("Plates seen at Mong Cai").contains("PENDING_APPROVAL");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.navigate(base() + "/console/approvals");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.click("form[action$='/shares/" + shareId + "/approve'] button");
            page.waitForURL(base() + "/console/approvals");
        }
        given().auth().oauth2(Keycloak.token("liaison.gx")).header("X-Access-Purpose", "Planning the joint patrol")
                .when().get("/api/v1/inbox/" + shareId).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("snapshots[0].content.reports[0].vehicles[0].plate", equalTo("[redacted]"));
    }

    @Test
    void aRequestFromGuangxiIsAnsweredInQuangNinhAndARevocationReachesTheInboxLive() {
        String shareId = releaseAtH1(verifiedCase("Questions from Guangxi")[1]);
        try (BrowserContext guangxi = browser.context("zh-CN"); BrowserContext quangNinh = browser.context("vi-VN")) {
            Page asking = Browser.signIn(guangxi, base(), "/console/inbox/" + shareId, "liaison.gx");
            asking.fill("#purpose", "Preparing the joint patrol of 12 December");
            asking.click("form.stack button[type=submit]");
            asking.waitForSelector("#message-form");
            asking.selectOption("#kind", "REQUEST_FOR_INFORMATION");
            asking.fill("#dueAt", Instant.now().plus(3, ChronoUnit.DAYS).atOffset(java.time.ZoneOffset.ofHours(8)).toLocalDateTime()
                    .truncatedTo(ChronoUnit.MINUTES).toString());
            asking.fill("#body", "Which boat did they use?");
            asking.click("#message-form button[type=submit]");
            asking.waitForSelector(".thread >> text=Which boat did they use?");

            Page answering = Browser.signIn(quangNinh, base(), "/console/outgoing", "liaison.qn");
            answering.click("a[href$='/shares/" + shareId + "']");
            answering.waitForSelector(".thread >> text=Which boat did they use?");
            assertThat(Browser.accessibilityViolations(answering)).isEmpty();
            String request = answering.getAttribute("#answers option:not([value=''])", "value");
            answering.selectOption("#kind", "RESPONSE");
            answering.selectOption("#answers", request);
            answering.fill("#body", "A flat-bottomed sampan.");
            answering.click("#message-form button[type=submit]");
            answering.waitForSelector(".thread >> text=A flat-bottomed sampan.");
            given().auth().oauth2(Keycloak.token("liaison.gx")).when().get("/api/v1/shares/" + shareId + "/messages").then().statusCode(200)
                    .body("items.find { it.id == '" + request + "' }.answered", equalTo(true));

            // the supervisor revokes on the owner's page; the partner's inbox hears it without a reload
            asking.navigate(base() + "/console/inbox");
            try (BrowserContext supervisor = browser.context("en-GB")) {
                Page owner = Browser.signIn(supervisor, base(), "/console/outgoing", "supervisor.qn");
                owner.click("a[href$='/shares/" + shareId + "']");
                owner.fill("#reason", "Operation compromised");
                owner.click("#revoke-form button[type=submit]");
                owner.waitForSelector("text=Revoked: the partner has lost access");
            }
            asking.waitForSelector("tr:has(a[href='/console/inbox/" + shareId + "']) .status-REVOKED",
                    new Page.WaitForSelectorOptions().setTimeout(20_000));
        }
    }

    @Test
    void anAdminRecordsAnAgreementOnceHoweverOftenTheFormIsSent() {
        String reference = "JWC-2026/04 minutes, item " + UUID.randomUUID().toString().substring(0, 6);
        UUID carried = UUID.randomUUID();
        given().auth().oauth2(Keycloak.token("admin")).contentType(ContentType.JSON)
                .body("{\"from\":\"VN-QN\",\"to\":\"VN-LS\",\"categories\":[\"DRUGS\"],\"maxHandlingCode\":\"H1\",\"validFrom\":\""
                        + (Year.now().getValue() - 1) + "-01-01\",\"validTo\":\"" + (Year.now().getValue() + 1) + "-12-31\",\"reference\":\"carried\"}")
                .when().put("/api/v1/agreements/" + carried).then().statusCode(201);
        String installation = org.borderwatch.support.Federation.installation();
        given().auth().oauth2(Keycloak.token("admin")).contentType(ContentType.JSON)
                .body(org.borderwatch.support.Federation.partnerBody(installation, carried, "VN-LS"))
                .when().put("/api/v1/federation/partners/" + UUID.randomUUID()).then().statusCode(201);
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "admin");
            assertThat(page.url()).endsWith("/console/admin");
            // the federation partners and how the exchange with each stands
            assertThat(page.textContent("#partners")).contains(installation);
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.fill("#a-to", "VN-LS");
            page.fill("#a-validFrom", (Year.now().getValue() - 1) + "-01-01");
            page.fill("#a-validTo", (Year.now().getValue() + 1) + "-12-31");
            page.fill("#a-reference", reference);
            // no category chosen: 400 naming the field, nothing recorded
            Response refused = page.waitForNavigation(() -> page.click("#agreement-form button[type=submit]"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.textContent(".errors")).contains("categories");
            page.goBack();
            page.check("input[name=categories][value=GOODS_SMUGGLING]");
            // the form exactly as the browser sends it, to send it again as a double click or a retry would
            String sent = (String) page.evaluate("() => new URLSearchParams(new FormData(document.getElementById('agreement-form'))).toString()");
            page.waitForNavigation(() -> page.click("#agreement-form button[type=submit]"));
            assertThat(page.url()).endsWith("/console/admin");
            assertThat(page.textContent("main")).contains(reference);
            Response again = page.waitForNavigation(() -> page.evaluate("sent => { const f = document.createElement('form'); f.method = 'post';"
                    + " f.action = '/console/admin/agreements'; for (const [k, v] of new URLSearchParams(sent)) {"
                    + " const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
                    + " document.body.appendChild(f); f.submit(); }", sent));
            assertThat(again.status()).isEqualTo(200);
            assertThat(page.url()).endsWith("/console/admin");
        }
        given().auth().oauth2(Keycloak.token("admin")).queryParam("limit", 200).when().get("/api/v1/agreements").then().statusCode(200)
                .body("items.findAll { it.reference == '" + reference + "' }.size()", equalTo(1));
    }

    @Test
    void theInboxWorksOnATabletAndFromTheKeyboard() {
        try (BrowserContext context = browser.context("vi-VN")) {
            Page page = context.newPage();
            page.setViewportSize(820, 1180);
            page.navigate(base() + "/console");
            page.fill("#username", "liaison.gx");
            page.fill("#password", "liaison.gx");
            page.click("#kc-login");
            page.waitForURL(base() + "/console/inbox");
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.getAttribute('href')")).isEqualTo("#main");
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.getAttribute('href')")).isEqualTo("/console/inbox");
            Browser.screenshot(page, "inbox-tablet");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }
    }

    @Test
    void aSupervisorDownloadsEvidenceForAStatedPurposeAndTheChainOfCustodyShowsIt() throws Exception {
        UUID report = Reports.filed(Keycloak.token("officer.qn"), Reports.FULL);
        byte[] photo = org.borderwatch.support.Photos.jpeg(21.5283, 107.9650);
        String evidence = org.borderwatch.support.Uploads.uploaded(Keycloak.token("officer.qn"), report, photo);
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console/reports/" + report, "supervisor.qn");
            assertThat(page.textContent(".evidence")).contains(evidence);
            page.fill("#purpose-" + evidence, "Court file 2026/118, exhibit 3");
            Download download = page.waitForDownload(() -> page.click("form[action='/console/evidence/" + evidence + "'] button"));
            assertThat(Files.readAllBytes(download.path())).isEqualTo(photo);
            // thumbnails: the photos fetched by the page for one stated purpose, each a recorded download
            page.fill("#thumbnails-purpose", "Vetting the report of 20 November");
            page.click("#thumbnails-form button[type=submit]");
            page.waitForSelector("[data-evidence-image='" + evidence + "'] img.thumbnail");
            page.waitForFunction("() => document.querySelector('img.thumbnail').naturalWidth > 0");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }
        given().auth().oauth2(Keycloak.token("supervisor.qn")).when().get("/api/v1/evidence/" + evidence + "/custody").then().statusCode(200)
                .body("items.findAll { it.action == 'EVIDENCE_DOWNLOAD' }.purpose",
                        org.hamcrest.Matchers.hasItems("Court file 2026/118, exhibit 3", "Vetting the report of 20 November"));
    }

    @Test
    void anAuditorFindsWhoReadAReportAndVerifiesTheChain() {
        UUID report = verifiedCase("Who read this")[0];
        given().auth().oauth2(Keycloak.token("supervisor.qn")).when().get("/api/v1/reports/" + report).then().statusCode(200);
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "auditor");
            assertThat(page.url()).endsWith("/console/audit");
            page.fill("#resourceId", report.toString());
            page.click("#audit-filters button[type=submit]");
            page.waitForSelector("#audit-log td:has-text('REPORT_READ')");
            assertThat(page.textContent("#audit-log")).contains("REPORT_READ").contains("REPORT_CREATE").contains("REPORT_DECIDE");
            Browser.screenshot(page, "audit-log");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();

            page.navigate(base() + "/console/audit-signals");
            page.waitForSelector("#denied-actors");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();

            page.navigate(base() + "/console/audit-chain");
            page.click("#verify");
            page.waitForSelector("#verification");
            assertThat(page.textContent("#verification")).contains("The log verifies");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }
    }

    @Test
    void theMapCountsEveryReportOfTheWindowInItsClusters() {
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console/map", "supervisor.qn");
            long before = Long.parseLong(page.textContent("#map-total strong"));
            String recent = Instant.now().minusSeconds(60).toString();
            double[][] places = {{21.5283, 107.9650}, {21.5301, 107.9702}, {21.8466, 106.7613}, {21.8312, 106.7408}, {22.8233, 104.9836}};
            for (double[] place : places) {
                Reports.filed(Keycloak.token("officer.qn"), Reports.FULL.replace("2026-11-20T21:40:00+07:00", recent)
                        .replace("\"lat\": 21.5283, \"lon\": 107.9650", "\"lat\": " + place[0] + ", \"lon\": " + place[1]));
            }
            page.reload();
            long after = Long.parseLong(page.textContent("#map-total strong"));
            assertThat(after).isEqualTo(before + places.length);
            assertThat(page.locator("svg.map circle.cluster").count()).isGreaterThanOrEqualTo(3);
            long inClusters = page.locator("svg.map text.count").allTextContents().stream().mapToLong(Long::parseLong).sum();
            assertThat(inClusters).isEqualTo(after);
            Browser.screenshot(page, "map");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.navigate(base() + "/console/reports");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            // the narrative search is posted: the words never appear in the URL
            page.fill("#q", "vận chuyển ma túy");
            page.waitForNavigation(() -> page.click("#search-form button[type=submit]"));
            assertThat(page.url()).isEqualTo(base() + "/console/reports/search").doesNotContain("ma");
            assertThat(page.locator("#queue tbody tr a").count()).isGreaterThanOrEqualTo(1);
            assertThat(page.inputValue("#q")).isEqualTo("vận chuyển ma túy");
        }
    }

    @Test
    void aWrongRoleIsForbiddenAndAnotherAgencysShareIsNotFoundAndRecorded() {
        String shareId = releaseAtH1(verifiedCase("Not for Quang Ninh's liaison")[1]);
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "liaison.qn");
            Response audit = page.navigate(base() + "/console/audit");
            assertThat(audit.status()).isEqualTo(403);
            assertThat(page.textContent("h1")).contains("403");
            Response hidden = page.navigate(base() + "/console/inbox/" + shareId);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(page.textContent("main")).contains("No such share");
        }
        given().auth().oauth2(Keycloak.token("auditor")).queryParam("resourceId", shareId).queryParam("outcome", "DENIED")
                .when().get("/api/v1/audit/events").then().statusCode(200).body("items.action", hasItem("SHARE_READ"));
    }

    @Test
    void aFormWithoutThisBrowsersTokenIsRefusedAndRecorded() {
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "supervisor.qn");
            // a form another site would post: the browser sends the session cookie along, but not the form token
            assertThat(forge(page, "csrf=" + "A".repeat(43))).isEqualTo(403);
            page.goBack();
            assertThat(forge(page, "")).isEqualTo(403);
            page.reload();
            assertThat(page.getAttribute("html", "lang")).isEqualTo("en");
        }
        given().auth().oauth2(Keycloak.token("auditor")).queryParam("outcome", "DENIED").queryParam("action", "ACCESS")
                .when().get("/api/v1/audit/events").then().statusCode(200)
                .body("items.reason", hasItem("the form's CSRF token is missing or does not match this browser's session"));
    }

    /** Submits a form built into the page (as a forged cross-site form is), with the session cookie, and answers its status. */
    private static int forge(Page page, String token) {
        String field = token.isEmpty() ? "" : "<input name='csrf' value='" + token.substring(5) + "'>";
        Response response = page.waitForNavigation(() -> page.evaluate("() => { document.body.insertAdjacentHTML('beforeend', "
                + "\"<form id='forged' method='post' action='/console/language'><input name='lang' value='vi'>"
                + "<input name='back' value='/console'>" + field + "</form>\"); document.getElementById('forged').submit(); }"));
        return response.status();
    }

    @Test
    void pagesFollowTheBrowsersLanguageAndTheUsersChoice() {
        try (BrowserContext context = browser.context("zh-CN")) {
            Page page = Browser.signIn(context, base(), "/console", "liaison.gx");
            assertThat(page.textContent("h1")).isEqualTo("收件箱");
            assertThat(page.getAttribute("html", "lang")).isEqualTo("zh");
            page.selectOption("#lang-choice", "vi");
            page.click("form[action='/console/language'] button");
            page.waitForSelector("html[lang=vi]");
            assertThat(page.textContent("h1")).isEqualTo("Hộp thư đến");
            page.navigate(base() + "/console/outgoing");
            assertThat(page.textContent("h1")).isEqualTo("Đã chia sẻ đi");
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "auditor");
            page.click("form[action='/console/sign-out'] button");
            page.waitForURL(url -> url.startsWith(base() + "/console/signed-out"));
            page.navigate(base() + "/console/audit");
            // back at Keycloak's password form: no session left to sign in silently
            page.waitForSelector("#username");
            assertThat(page.url()).startsWith(Keycloak.issuer());
        }
    }

    @Test
    void consolePagesAreNeverCachedAndScriptsComeOnlyFromTheService() {
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = Browser.signIn(context, base(), "/console", "liaison.gx");
            Response response = page.reload();
            assertThat(response.headerValue("cache-control")).isEqualTo("no-store");
            assertThat(response.headerValue("content-security-policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
            List<String> cookies = context.cookies().stream().filter(c -> c.name.startsWith("q_session") || c.name.contains("bw-csrf"))
                    .map(c -> c.name + " " + c.httpOnly + " " + c.secure + " " + c.sameSite).toList();
            assertThat(cookies).isNotEmpty().allMatch(c -> c.contains(" true true "));
        }
    }
}
