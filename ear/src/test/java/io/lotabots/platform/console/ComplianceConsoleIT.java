package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.ModelAttestationFixtures;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A compliance officer's day in the console, against two real model attestations of a fresh tenant (one
 * VERIFIED and flagged through the API, one REJECTED and not reviewed): the overview's numbers are the
 * API's, the attestation list filters by review state with the filters in the URL and in the CSV, and a
 * model result shows its findings and signature.
 */
class ComplianceConsoleIT {

    private static ConsoleBrowser browser;
    private static TestTenant tenant;
    private static ApiClient officerApi;
    private static JsonObject verified;
    private static JsonObject rejected;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void aTenantWithAReviewQueue() throws IOException {
        ModelAttestationFixtures.awaitApplication();
        tenant = TestTenant.create("compliance");
        ApiClient admin = tenant.admin();
        verified = ModelAttestationFixtures.verified(admin);
        rejected = ModelAttestationFixtures.rejected(admin);
        assertEquals("VERIFIED", verified.getString("status"), verified.toString());
        assertEquals("REJECTED", rejected.getString("status"), rejected.toString());
        var flagged = admin.postJson(
                "/api/v1/attestations/" + verified.getString("id") + "/review",
                "{\"decision\": \"FLAGGED\", \"justification\": \"unsigned model in production\"}");
        assertEquals(201, flagged.statusCode(), flagged.body());
        TestUser officer = tenant.addUser("officer", TestTenant.newPassword(), "COMPLIANCE_OFFICER");
        officerApi = ApiClient.withToken(tenant.accessToken(officer.username(), officer.password()));
        browser = SESSION.browser();
        browser.signedIn(tenant.name(), officer.username(), officer.password());
    }

    private static String compact(JsonObject attestation) {
        return attestation.getString("id").substring(24);
    }

    @Test
    void theOverviewIsTheLandingPageAndItsNumbersAreTheApis() {
        browser.driver.get(ConsoleBrowser.CONSOLE);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview-view")));
        var response = officerApi.get("/api/v1/attestations/stats");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject stats = ApiClient.json(response);
        JsonObject queue = stats.getJsonObject("reviewQueue");

        assertEquals(1, queue.getInt("notReviewed"), "the rejected one");
        assertEquals(1, queue.getInt("flagged"), "the verified one");
        assertEquals(String.valueOf(queue.getInt("notReviewed")), browser.textOf("overview-not-reviewed"));
        assertEquals(String.valueOf(queue.getInt("flagged")), browser.textOf("overview-flagged"));
        assertEquals(String.valueOf(queue.getInt("accepted")), browser.textOf("overview-accepted"));
        for (JsonObject type : stats.getJsonArray("types").getValuesAs(JsonObject.class)) {
            String key = type.getString("type").toLowerCase(Locale.ROOT);
            JsonObject total = type.getJsonObject("total");
            assertEquals(String.valueOf(total.getInt("submitted")), browser.textOf("overview-" + key + "-submitted"));
            assertEquals(String.valueOf(total.getInt("verified")), browser.textOf("overview-" + key + "-verified"));
            // verified out of the final ones, from the API's own counts
            long finished = total.getJsonNumber("verified").longValue()
                    + total.getJsonNumber("rejected").longValue()
                    + total.getJsonNumber("failed").longValue();
            String rate = finished == 0
                    ? "–"
                    : String.format(
                            Locale.ROOT,
                            "%.1f %%",
                            100.0 * total.getJsonNumber("verified").longValue() / finished);
            assertEquals(rate, browser.textOf("overview-" + key + "-rate"));
            assertEquals(30, type.getJsonArray("days").size(), "every day of the window");
        }
        assertEquals("2", browser.textOf("overview-model-submitted"));
        assertEquals("50.0 %", browser.textOf("overview-model-rate"));
        for (String chart : List.of("overview-volume-chart", "overview-rate-chart")) {
            String src = browser.driver.findElement(By.id(chart)).getDomAttribute("src");
            assertTrue(src.startsWith("data:image/png;base64,"), chart + ": " + src.substring(0, 40));
            Object width = browser.driver.executeScript(
                    "return arguments[0].naturalWidth;", browser.driver.findElement(By.id(chart)));
            assertTrue(((Number) width).intValue() > 0, chart + " is drawn by the browser");
        }
        assertTrue(browser.textOf("overview-checkpoint").startsWith("Last signed checkpoint")
                || browser.textOf("overview-checkpoint").startsWith("No signed checkpoint"));
        assertTrue(
                browser.driver.findElements(By.id("nav-dependencies")).isEmpty(),
                "the dependency table is the administrators'");
        browser.screenshot("console-overview");
    }

    @Test
    void anotherTenantsStatsCountNoneOfThese() {
        var other = TestTenant.create("compliance-other").admin();
        JsonObject stats = ApiClient.json(other.get("/api/v1/attestations/stats?days=1"));

        assertEquals(0, stats.getJsonObject("reviewQueue").getInt("notReviewed"));
        assertEquals(0, stats.getJsonObject("reviewQueue").getInt("flagged"));
        for (JsonObject type : stats.getJsonArray("types").getValuesAs(JsonObject.class)) {
            assertEquals(0, type.getJsonObject("total").getInt("submitted"), type.toString());
            assertEquals(1, type.getJsonArray("days").size());
        }
    }

    @Test
    void theReviewFilterShowsTheQueueAndSurvivesAReload() {
        browser.driver.get(ConsoleBrowser.CONSOLE + "attestations?review=not-reviewed");
        awaitGrid(compact(rejected), compact(verified));

        browser.driver.get(ConsoleBrowser.CONSOLE + "attestations?review=flagged");
        awaitGrid(compact(verified), compact(rejected));
        browser.driver.navigate().refresh();
        awaitGrid(compact(verified), compact(rejected));
        browser.wait.withMessage(() -> "the review field shows Flagged").until(d -> "Flagged"
                .equals(d.findElement(By.cssSelector("#attestations-review input"))
                        .getDomProperty("value")));

        // nothing is accepted: neither shows (the unfiltered list, read next, shows both)
        browser.driver.get(ConsoleBrowser.CONSOLE + "attestations?review=accepted");
        browser.wait.until(d -> "Accepted"
                .equals(d.findElement(By.cssSelector("#attestations-review input"))
                        .getDomProperty("value")));
        String accepted = browser.textOf("attestations-grid");
        assertFalse(accepted.contains(compact(verified)) || accepted.contains(compact(rejected)), accepted);
        browser.driver.get(ConsoleBrowser.CONSOLE + "attestations");
        awaitGrid(compact(verified), null);
        awaitGrid(compact(rejected), null);
    }

    @Test
    void theSearchButtonPutsTheFiltersInTheUrl() {
        browser.driver.get(ConsoleBrowser.CONSOLE + "attestations");
        browser.type("attestations-policy", "default");
        browser.click("attestations-search");
        browser.wait
                .withMessage(() -> "policy=default in " + browser.driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().contains("policy=default"));
        awaitGrid(compact(rejected), null);

        browser.type("attestations-policy", "no-such-policy");
        browser.click("attestations-search");
        browser.wait.until(d -> d.getCurrentUrl().contains("policy=no-such-policy"));
        browser.wait
                .withMessage(() -> "no rows under an unknown policy: " + browser.textOf("attestations-grid"))
                .until(d -> !shownInGrid(compact(rejected)));
    }

    @Test
    void theCsvHoldsWhatTheFilterShows() throws Exception {
        browser.driver.get(ConsoleBrowser.CONSOLE + "attestations?review=flagged");
        awaitGrid(compact(verified), compact(rejected));
        var anchor = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attestations-csv")));
        URI csv = URI.create(ConsoleBrowser.CONSOLE).resolve(anchor.getDomAttribute("href"));

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(csv)
                                .header("Cookie", browser.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        var lines = response.body().lines().toList();
        assertTrue(lines.get(0).startsWith("id,type,status,verdict,reasons,review"), lines.get(0));
        assertEquals(2, lines.size(), response.body());
        assertTrue(
                lines.get(1).contains(verified.getString("id")) && lines.get(1).contains("\"FLAGGED\""), lines.get(1));
    }

    @Test
    void aModelResultShowsItsFindingsAndSignatureBelowTheReviewPanel() {
        browser.driver.get(ConsoleBrowser.CONSOLE + "attestations/" + rejected.getString("id"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-findings")));

        browser.wait
                .withMessage(() -> "the finding in " + browser.textOf("model-findings"))
                .until(d -> browser.textOf("model-findings").contains("os.system"));
        String findings = browser.textOf("model-findings");
        assertTrue(findings.contains("model.pkl") && findings.contains("unsafe"), findings);
        assertTrue(browser.textOf("model-signature").contains("absent"), browser.textOf("model-signature"));
        assertTrue(
                browser.textOf("attestation-reasons").contains("Model unsafe"), browser.textOf("attestation-reasons"));
        Object reviewFirst = browser.driver.executeScript(
                "return arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING;",
                browser.driver.findElement(By.id("attestation-review")),
                browser.driver.findElement(By.id("attestation-checks")));
        assertTrue(((Number) reviewFirst).intValue() > 0, "the review panel comes before the checks");
        assertTrue(
                browser.textOf("attestation-token-times").matches("Issued \\(iat\\) 20.*expires \\(exp\\) 20.*"),
                browser.textOf("attestation-token-times"));
        browser.screenshot("console-model-result");

        browser.driver.get(ConsoleBrowser.CONSOLE + "attestations/" + verified.getString("id"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-findings")));
        assertFalse(browser.textOf("model-findings").contains("os.system"));
        assertTrue(browser.textOf("model-scan-verdict").contains("safe"));
    }

    /** Waits until the list shows {@code present}, then checks that {@code absent} (if any) is not in it. */
    private static void awaitGrid(String present, String absent) {
        browser.wait
                .withMessage(() -> present + " in " + browser.textOf("attestations-grid"))
                .until(d -> browser.textOf("attestations-grid").contains(present));
        if (absent != null) {
            assertFalse(browser.textOf("attestations-grid").contains(absent), browser.textOf("attestations-grid"));
        }
    }

    /** Whether a visible row shows the text: the grid keeps the cells of rows it hid in the DOM. */
    private static boolean shownInGrid(String text) {
        Object visible = browser.driver.executeScript(
                "return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))"
                        + ".filter(c => c.offsetParent !== null && c.textContent.includes(arguments[1])).length",
                browser.driver.findElement(By.id("attestations-grid")),
                text);
        return ((Number) visible).intValue() > 0;
    }
}
