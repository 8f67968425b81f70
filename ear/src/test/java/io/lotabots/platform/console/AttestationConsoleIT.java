package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The hardware attestation views with real swtpm evidence submitted through the API: a compliance
 * officer reads an attestation's checks, token and evidence and flags it (not without a
 * justification), an auditor only reads, an administrator writes a policy and retires a device.
 */
class AttestationConsoleIT {

    private static final String SELECTION = "sha256:0,1,2,3,4,5,6,7";
    private static final String OFFICER = "officer";
    private static final String AUDITOR = "auditor";

    private static SoftwareTpm tpm;
    private static AttestationKey ak;
    private static TestTenant tenant;
    private static ApiClient admin;
    private static String officerPassword;
    private static String auditorPassword;
    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void tenantWithAnOfficerAnAuditorAndASoftwareTpm() throws IOException {
        awaitApplication();
        tpm = SoftwareTpm.start();
        ak = tpm.createAttestationKey(AkKind.ECC_P256);
        tenant = TestTenant.create("hw-console");
        admin = tenant.admin();
        officerPassword = TestTenant.newPassword();
        tenant.createUser(OFFICER, officerPassword, "COMPLIANCE_OFFICER");
        auditorPassword = TestTenant.newPassword();
        tenant.createUser(AUDITOR, auditorPassword, "AUDITOR");
        browser = SESSION.browser();
        browser.signedIn(tenant.name(), OFFICER, officerPassword);
    }

    /** Until the application answers; a request that times out while it starts is one more try. */
    static void awaitApplication() {
        Eventually.await(
                Duration.ofSeconds(240),
                () -> {
                    try {
                        return new ApiClient().get("/.well-known/jwks.json").statusCode();
                    } catch (RuntimeException notYet) {
                        return -1;
                    }
                },
                status -> status == 200,
                "the application to start");
    }

    @AfterAll
    static void stop() throws IOException {
        if (tpm != null) {
            tpm.close();
        }
    }

    /** Submits a real quote (over a nonce the API issued, or an unknown one) and waits for its verdict. */
    private static JsonObject attest(boolean issuedNonce) {
        byte[] nonce;
        if (issuedNonce) {
            var issued = admin.postJson("/api/v1/attestations/hardware/nonces", "");
            assertEquals(201, issued.statusCode(), issued.body());
            nonce = HexFormat.of().parseHex(ApiClient.json(issued).getString("nonce"));
        } else {
            nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
        }
        var quote = tpm.quote(ak, nonce, SELECTION);
        var body = Json.createObjectBuilder()
                .add("nonce", HexFormat.of().formatHex(nonce))
                .add("quote", Base64.getEncoder().encodeToString(quote.message()))
                .add("signature", Base64.getEncoder().encodeToString(quote.signature()))
                .add("pcrs", Base64.getEncoder().encodeToString(quote.pcrs()))
                .add("akPublicKey", ak.publicPem())
                .build();
        var submitted = admin.postJson("/api/v1/attestations/hardware", body.toString());
        assertEquals(202, submitted.statusCode(), submitted.body());
        String location = "/api/v1/attestations/" + ApiClient.json(submitted).getString("id");
        return Eventually.await(
                Duration.ofSeconds(60),
                () -> ApiClient.json(admin.get(location)),
                a -> !a.getString("status").equals("PENDING")
                        && !a.getString("status").equals("PROCESSING"),
                location + " to be final");
    }

    private static void openDetail(ConsoleBrowser b, String id) {
        b.driver.get(ConsoleBrowser.CONSOLE + "attestations/" + id);
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attestation-checks")));
    }

    /** JSON-B leaves out null fields: no review is no {@code review} member. */
    private static boolean unreviewed(JsonObject attestation) {
        return !attestation.containsKey("review") || attestation.isNull("review");
    }

    private static JsonObject apiAttestation(String id) {
        var response = admin.get("/api/v1/attestations/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.json(response);
    }

    private static HttpResponse<byte[]> download(ConsoleBrowser b, String anchorId) throws Exception {
        var anchor = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(anchorId)));
        URI uri = URI.create(ConsoleBrowser.CONSOLE).resolve(anchor.getDomAttribute("href"));
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Cookie", b.cookieHeader())
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anOfficerFindsAVerifiedAttestationAndReadsItsChecksTokenAndEvidence() throws Exception {
        var verified = attest(true);
        assertEquals("VERIFIED", verified.getString("status"), verified.toString());
        String id = verified.getString("id");

        browser.click("nav-attestations");
        // the list shows the compact id (its last 12 characters; the full one in the tooltip)
        String compact = id.substring(24);
        browser.wait
                .withMessage(() -> compact + " in " + browser.textOf("attestations-grid"))
                .until(d -> browser.textOf("attestations-grid").contains(compact));
        browser.wait
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-grid[@id='attestations-grid']/vaadin-grid-cell-content[normalize-space(.)='"
                                + compact + "']")))
                .click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attestation-checks")));

        String checks = browser.textOf("attestation-checks");
        assertTrue(checks.contains("signature") && checks.contains("PASSED"), checks);
        assertTrue(!checks.contains("FAILED"), checks);
        assertTrue(browser.textOf("attestation-verdict").contains("WARNING"));
        assertTrue(
                browser.textOf("attestation-token-signature").startsWith("Signature verifies"),
                browser.textOf("attestation-token-signature"));
        assertTrue(browser.textOf("attestation-token-claims").contains("eat_profile"));
        assertTrue(browser.textOf("attestation-token-header").contains("ES256"));
        var evidence = download(browser, "attestation-evidence");
        assertEquals(200, evidence.statusCode());
        assertEquals(
                verified.getString("evidenceDigest"),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(evidence.body())),
                "the download is the stored evidence document");
        browser.screenshot("console-attestation-detail");
    }

    @Test
    void aRejectedAttestationShowsItsFailedCheckWithTheReason() {
        var rejected = attest(false);
        assertEquals("REJECTED", rejected.getString("status"), rejected.toString());

        openDetail(browser, rejected.getString("id"));

        String checks = browser.textOf("attestation-checks");
        assertTrue(checks.contains("FAILED") && checks.contains("NONCE_UNKNOWN"), checks);
        assertTrue(browser.textOf("attestation-verdict").contains("CONTRAINDICATED"));
    }

    @Test
    void anOfficerFlagsOnlyWithAJustificationAndTheAuditTrailHasIt() {
        String id = attest(true).getString("id");
        openDetail(browser, id);

        browser.clickCentered("review-flag");
        browser.wait
                .withMessage(() -> "an error on the justification: " + browser.textOf("review-justification"))
                .until(d -> browser.textOf("review-justification").contains("required to flag"));
        assertTrue(unreviewed(apiAttestation(id)), "nothing stored without a justification");

        String why = "Host decommissioned in week " + System.nanoTime() % 53;
        var textarea = browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review-justification textarea")));
        textarea.sendKeys(why);
        browser.clickCentered("review-flag");
        browser.wait
                .withMessage(() -> "a flag in " + browser.textOf("attestation-review-current"))
                .until(d -> browser.textOf("attestation-review-current").contains("FLAGGED"));
        assertTrue(browser.textOf("attestation-review-history").contains(why));

        var review = apiAttestation(id).getJsonObject("review");
        assertEquals("FLAGGED", review.getString("decision"));
        assertEquals(why, review.getString("justification"));
        assertEquals(OFFICER, review.getString("reviewerName"));
        var events =
                admin.get("/api/v1/audit/events?action=attestation.reviewed&targetType=attestation&targetId=" + id);
        assertEquals(200, events.statusCode(), events.body());
        assertTrue(events.body().contains(why), events.body());

        browser.click("nav-audit");
        browser.type("audit-action", "attestation.reviewed");
        browser.click("audit-search");
        browser.wait
                .withMessage(() -> "the review in " + browser.textOf("audit-grid"))
                .until(d -> browser.textOf("audit-grid").contains("attestation " + id));
    }

    @Test
    void acceptingAFlaggedVerdictInTheConsoleNeedsAJustification() {
        String id = attest(true).getString("id");
        openDetail(browser, id);
        typeArea(browser, "review-justification", "PCR 7 differs from last week");
        browser.clickCentered("review-flag");
        browser.wait
                .withMessage(() -> "a flag in " + browser.textOf("attestation-review-current"))
                .until(d -> browser.textOf("attestation-review-current").contains("FLAGGED"));

        browser.clickCentered("review-accept");

        browser.wait
                .withMessage(() -> "an error on the justification: " + browser.textOf("review-justification"))
                .until(d -> browser.textOf("review-justification").contains("required to accept a flagged verdict"));
        assertEquals("FLAGGED", apiAttestation(id).getJsonObject("review").getString("decision"), "the flag stays");

        typeArea(browser, "review-justification", "Secure Boot database update, change ticket 4711");
        browser.clickCentered("review-accept");
        browser.wait
                .withMessage(() -> "an acceptance in " + browser.textOf("attestation-review-current"))
                .until(d -> browser.textOf("attestation-review-current").contains("ACCEPTED"));
        assertEquals("ACCEPTED", apiAttestation(id).getJsonObject("review").getString("decision"));
    }

    @Test
    void anAuditorReadsAttestationsButCannotReview() throws IOException {
        String id = attest(true).getString("id");
        try (var auditor = new ConsoleBrowser()) {
            SESSION.showing(auditor);
            auditor.signIn(tenant.name(), AUDITOR, auditorPassword);
            auditor.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-attestations")));
            assertTrue(auditor.driver.findElements(By.id("nav-users")).isEmpty(), "no users view for auditors");

            openDetail(auditor, id);

            auditor.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attestation-review-current")));
            assertTrue(auditor.driver.findElements(By.id("review-flag")).isEmpty(), "no flag button");
            assertTrue(auditor.driver.findElements(By.id("review-accept")).isEmpty(), "no accept button");
            assertTrue(auditor.textOf("attestation-review-current").contains("Not reviewed"));
            auditor.click("nav-policies");
            auditor.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("policies-grid")));
            assertTrue(auditor.driver.findElements(By.id("policy-create")).isEmpty(), "auditors do not write policies");
        } finally {
            SESSION.showing(browser);
        }
    }

    @Test
    void aPolicyCreatedInTheConsoleAppearsInTheApiAndADeviceIsRetired() throws IOException {
        String name = "console-" + System.nanoTime();
        String digest = "ab".repeat(32);
        var device = enrollDevice();
        try (var adminBrowser = new ConsoleBrowser()) {
            SESSION.showing(adminBrowser);
            adminBrowser.signIn(
                    tenant.name(),
                    tenant.administrator().username(),
                    tenant.administrator().password());
            adminBrowser.click("nav-policies");
            adminBrowser.click("policy-create");
            adminBrowser.type("policy-name", name);
            adminBrowser.type("policy-selection", SELECTION);
            typeArea(adminBrowser, "policy-reference-values", "sha256:0 = not-a-digest");
            adminBrowser.click("policy-save");
            adminBrowser
                    .wait
                    .withMessage(() -> "an error in " + adminBrowser.textOf("policy-reference-values"))
                    .until(d -> adminBrowser.textOf("policy-reference-values").contains("hex digits"));
            assertEquals(404, admin.get(policyPath(name)).statusCode(), "nothing written");

            typeArea(adminBrowser, "policy-reference-values", "sha256:0 = " + digest);
            adminBrowser.click("policy-save");
            adminBrowser
                    .wait
                    .withMessage(() -> name + " in " + adminBrowser.textOf("policies-grid"))
                    .until(d -> adminBrowser.textOf("policies-grid").contains(name));

            var policy = admin.get(policyPath(name));
            assertEquals(200, policy.statusCode(), policy.body());
            var json = ApiClient.json(policy);
            assertEquals(SELECTION, json.getString("pcrSelection"));
            assertEquals(
                    digest,
                    json.getJsonObject("referenceValues")
                            .getJsonArray("sha256:0")
                            .getString(0));

            adminBrowser.click("nav-devices");
            String deviceId = device.getString("id");
            adminBrowser
                    .wait
                    .withMessage(() -> deviceId + " in " + adminBrowser.textOf("devices-grid"))
                    .until(d -> adminBrowser.textOf("devices-grid").contains(deviceId));
            adminBrowser
                    .wait
                    .until(ExpectedConditions.elementToBeClickable(
                            By.xpath("//vaadin-grid[@id='devices-grid']/vaadin-grid-cell-content[normalize-space(.)='"
                                    + deviceId + "']")))
                    .click();
            adminBrowser.wait.until(d -> adminBrowser.textOf("device-detail-id").contains(deviceId));
            adminBrowser.click("device-retire");
            adminBrowser.click("device-retire-confirm");
            adminBrowser.wait.until(
                    d -> adminBrowser.textOf("device-detail-status").contains("RETIRED"));
            assertEquals(
                    "RETIRED",
                    ApiClient.json(admin.get("/api/v1/devices/" + deviceId)).getString("status"));
        } finally {
            SESSION.showing(browser);
        }
    }

    private static String policyPath(String name) {
        return "/api/v1/attestations/hardware/policies/" + name;
    }

    private static JsonObject enrollDevice() {
        return DeviceEnrollment.enroll(admin, "console-device", tpm, ak);
    }

    private static void typeArea(ConsoleBrowser b, String id, String text) {
        var area = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " textarea")));
        area.clear();
        area.sendKeys(text);
    }
}
