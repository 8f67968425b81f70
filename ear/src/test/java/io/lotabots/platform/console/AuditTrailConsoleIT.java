package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The audit trail at scale, in the browser of a compliance officer of a fresh tenant whose administrator
 * created {@value #POLICIES} model policies through the API: the total above the grid, paging past the
 * API's 200 per page, username search, time presets and ranges, filters in the URL, the CSV export.
 */
class AuditTrailConsoleIT {

    static final int POLICIES = 210;
    private static final String ACTION = "model-policy.created";
    private static int events;

    private static ConsoleBrowser browser;
    private static TestTenant tenant;
    private static TestUser officer;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void aTenantWithMoreThanAPageOfEvents() throws IOException {
        tenant = TestTenant.create("audit-scale");
        ApiClient admin = tenant.admin();
        for (int i = 0; i < POLICIES; i++) {
            var created = admin.postJson(
                    "/api/v1/attestations/models/policies", "{\"name\": \"" + String.format("pg-%03d", i) + "\"}");
            assertEquals(201, created.statusCode(), created.body());
        }
        events = countEvents(tenant.id());
        officer = tenant.addUser("officer", TestTenant.newPassword(), "COMPLIANCE_OFFICER");
        browser = SESSION.browser();
        browser.signedIn(tenant.name(), officer.username(), officer.password());
    }

    /**
     * The tenant's events of the action as the database holds them: the policies created here and the tenant's
     * default policy, created with the first.
     */
    private static int countEvents(java.util.UUID tenantId) {
        try (var db = new io.lotabots.testsupport.DevServicesReport().database();
                var q = db.prepareStatement(
                        "select count(*) from lotabots.audit_event where tenant_id = ? and action = ?")) {
            q.setObject(1, tenantId);
            q.setString(2, ACTION);
            try (var rs = q.executeQuery()) {
                rs.next();
                int count = rs.getInt(1);
                assertTrue(count >= POLICIES, "at least one event per policy: " + count);
                return count;
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void open(String query) {
        browser.driver.get(ConsoleBrowser.CONSOLE + "audit" + query);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-grid")));
    }

    private static void awaitTotal(String expected) {
        browser.wait
                .withMessage(() -> "total " + expected + ", shown: " + browser.textOf("audit-total"))
                .until(d -> browser.textOf("audit-total").equals(expected));
    }

    @Test
    void theTotalCountsEveryMatchingEventAndTheGridPagesPastTwoHundred() {
        open("");
        browser.type("audit-action", ACTION);
        browser.click("audit-search");

        awaitTotal(events + " events");
        // the oldest event is row 210: only a grid that pages past the API's 200 per page reaches it
        browser.driver.executeScript(
                "arguments[0].scrollToIndex(arguments[1]);",
                browser.driver.findElement(By.id("audit-grid")),
                events - 1);
        browser.wait
                .withMessage(() -> "pg-000 in the grid: " + browser.textOf("audit-grid"))
                .until(d -> browser.textOf("audit-grid").contains("pg-000"));
    }

    @Test
    void actorsAreFoundByUsername() {
        // the administrator created every pg- policy; the default policy's creation is the platform's doing
        open("?action=" + ACTION + "&actor=" + tenant.administrator().username());
        awaitTotal(POLICIES + " events");

        open("?actor=OFFICER&action=auth.login.succeeded");
        awaitTotal("1 event");

        open("?actor=nobody-here");
        awaitTotal("No events");
        browser.wait
                .withMessage(() -> "the empty state names the user: " + browser.driver.getPageSource())
                .until(d -> browser.driver.getPageSource().contains("No user named \"nobody-here\""));
    }

    @Test
    void presetsAndRangesToTheSecondFilterByTime() {
        open("?action=" + ACTION);
        browser.click("audit-range-1h");
        awaitTotal(events + " events");
        browser.wait
                .withMessage(() -> "range=1h in " + browser.driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().contains("range=1h"));

        open("?action=" + ACTION + "&from=2099-01-01T00:00:00Z");
        awaitTotal("No events");
        assertTrue(!browser.textOf("audit-grid").contains("pg-"), "no rows: " + browser.textOf("audit-grid"));

        open("?action=" + ACTION + "&from=2000-01-01T00:00:00Z&to=2000-01-01T00:00:01Z");
        awaitTotal("No events");
        open("?action=" + ACTION + "&to=2099-01-01T00:00:00Z");
        awaitTotal(events + " events");
    }

    @Test
    void filtersSurviveAReload() {
        open("");
        browser.type("audit-actor", tenant.administrator().username());
        browser.type("audit-action", ACTION);
        browser.click("audit-search");
        awaitTotal(POLICIES + " events");
        browser.wait
                .withMessage(() -> "filters in " + browser.driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().contains("action=" + ACTION)
                        && d.getCurrentUrl()
                                .contains("actor=" + tenant.administrator().username()));

        browser.driver.navigate().refresh();

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-grid")));
        awaitTotal(POLICIES + " events");
        Object action = browser.driver.executeScript(
                "return arguments[0].value;", browser.driver.findElement(By.id("audit-action")));
        assertEquals(ACTION, action);
    }

    @Test
    void theCsvHoldsExactlyTheFilteredEventsWithTheirUserAgent() throws Exception {
        open("?action=" + URLEncoder.encode(ACTION, StandardCharsets.UTF_8));
        awaitTotal(events + " events");

        List<String> lines = csv();

        assertTrue(lines.get(0).contains("source_ip,user_agent,details"), lines.get(0));
        assertEquals(events, lines.size() - 1, "one line per event shown");
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.contains("\"" + ACTION + "\""), line);
            // the API's Java client made them: its User-Agent is in every row
            assertTrue(line.contains("Java-http-client"), line);
        }

        open("?action=" + ACTION + "&from=2099-01-01T00:00:00Z");
        awaitTotal("No events");
        assertEquals(1, csv().size(), "only the header when nothing is shown");
    }

    /** The export as the signed-in browser downloads it, one string per line. */
    private static List<String> csv() throws Exception {
        var anchor = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-csv")));
        URI csv = URI.create(ConsoleBrowser.CONSOLE).resolve(anchor.getDomAttribute("href"));
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(csv)
                                .header("Cookie", browser.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().lines().toList();
    }
}
