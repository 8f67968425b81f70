package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.model.ModelUploads;
import io.lotabots.model.StoredState;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Models, Quotas and Model policies views in Debian's Chromium against the running server: an
 * administrator uploads a file and a zip through the browser's upload (the digests and formats the API
 * reports for them are the ones shown), a refused upload shows its field error and leaves nothing, quota
 * and model policy changes made in the console are what the API reads, and a compliance officer reads but
 * cannot change them.
 */
class ModelConsoleIT {

    private static TestTenant tenant;
    private static ApiClient admin;
    private static String officer;
    private static String officerPassword;
    private static ConsoleBrowser browser;
    private static Path files;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void tenantWithAnAdministratorInTheConsole() throws IOException {
        AttestationConsoleIT.awaitApplication();
        tenant = TestTenant.create("model-console");
        admin = tenant.admin();
        officer = "officer";
        officerPassword = TestTenant.newPassword();
        tenant.createUser(officer, officerPassword, "COMPLIANCE_OFFICER");
        files = Files.createTempDirectory("model-console-it");
        browser = SESSION.browser();
        browser.signedInAsAdministratorOf(tenant);
    }

    /** A small safetensors file: an 8-byte little-endian header length, the JSON header, one F32 tensor. */
    private static byte[] safetensors() {
        byte[] header =
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}".getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length + 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length)
                .put(header)
                .putFloat(1.5f)
                .putFloat(-2f)
                .array();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Path write(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    private void openModels() {
        browser.driver.get(ConsoleBrowser.CONSOLE + "models");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-upload")));
    }

    /** Names the model (leaving the field, so its value is on the server) and hands the file to the upload. */
    private void upload(String name, boolean archive, Path file) {
        browser.type("model-name", name);
        browser.driver.findElement(By.cssSelector("#model-name input")).sendKeys(Keys.TAB);
        browser.clickCentered(By.xpath("//vaadin-radio-button[normalize-space(.)='"
                + (archive ? "a zip of a model directory" : "a single model file") + "']"));
        WebElement input = browser.driver
                .findElement(By.id("model-upload"))
                .getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private static JsonObject apiModelNamed(String name) {
        var list = admin.get(ModelUploads.MODELS);
        assertEquals(200, list.statusCode(), list.body());
        var found = ApiClient.json(list).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("name").equals(name))
                .toList();
        assertEquals(1, found.size(), list.body());
        return ApiClient.json(admin.get(ModelUploads.MODELS + "/" + found.get(0).getString("id")));
    }

    @Test
    void anUploadedFileIsListedWithTheFormatAndDigestTheApiReportsAndIsDeletedAfterConfirmation() throws Exception {
        byte[] content = safetensors();
        String name = "console-safetensors-" + System.nanoTime();
        openModels();
        upload(name, false, write("weights.safetensors", content));

        browser.wait
                .withMessage(() -> name + " in " + browser.textOf("models-grid"))
                .until(d -> browser.textOf("models-grid").contains(name));
        JsonObject model = apiModelNamed(name);
        assertEquals(sha256(content), model.getString("sha256"), "the API's digest is the file's");
        assertEquals("safetensors", model.getString("format"));
        String grid = browser.textOf("models-grid");
        assertTrue(grid.contains(model.getString("sha256")), grid);
        assertTrue(grid.contains("safetensors"), grid);
        assertEquals(tenant.administrator().username(), model.getString("createdByName"), "the console's actor");
        browser.wait.until(d -> browser.textOf("model-files-grid").contains("weights.safetensors"));

        var audit = admin.get(
                "/api/v1/audit/events?action=model.uploaded&targetType=model&targetId=" + model.getString("id"));
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains(tenant.administrator().username()), audit.body());

        browser.selectRow("models-grid", name);
        browser.click("model-delete");
        browser.answer("model-delete-dialog", "cancel");
        assertEquals(
                200,
                admin.get(ModelUploads.MODELS + "/" + model.getString("id")).statusCode(),
                "cancel keeps it");
        browser.click("model-delete");
        browser.answer("model-delete-dialog", "confirm");
        browser.wait
                .withMessage(() -> name + " gone from " + browser.textOf("models-grid"))
                .until(d -> !browser.textOf("models-grid").contains(name));
        assertEquals(
                404,
                admin.get(ModelUploads.MODELS + "/" + model.getString("id")).statusCode());
    }

    @Test
    void aZipIsStoredAsADirectoryWithEachFilesDigestShown() throws Exception {
        byte[] config = "{\"architectures\":[\"Tiny\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] weights = safetensors();
        byte[] zip = ModelUploads.zip("config.json", config, "model.safetensors", weights);
        String name = "console-directory-" + System.nanoTime();
        openModels();
        upload(name, true, write("tiny.zip", zip));

        browser.wait
                .withMessage(() -> name + " in " + browser.textOf("models-grid"))
                .until(d -> browser.textOf("models-grid").contains(name));
        JsonObject model = apiModelNamed(name);
        assertEquals("directory", model.getString("format"));
        assertEquals(2, model.getInt("fileCount"));
        browser.wait.until(d -> browser.textOf("model-files-grid").contains("model.safetensors"));
        String shown = browser.textOf("model-files-grid");
        for (JsonObject file : model.getJsonArray("files").getValuesAs(JsonObject.class)) {
            assertTrue(shown.contains(file.getString("sha256")), file + " in " + shown);
        }
        assertTrue(shown.contains(sha256(config)) && shown.contains(sha256(weights)), shown);
    }

    @Test
    void aRefusedUploadShowsTheFieldErrorAndLeavesNothing() throws Exception {
        StoredState before = StoredState.of(tenant.id());
        openModels();
        upload("n".repeat(201), false, write("refused.safetensors", safetensors()));

        browser.wait
                .withMessage(() -> "an error on the name: " + browser.textOf("model-name"))
                .until(d -> browser.textOf("model-name").contains("longer than 200 characters"));
        assertEquals(before, StoredState.of(tenant.id()), "a refused upload left something behind");

        byte[] notAZip = "this is not a zip archive".getBytes(StandardCharsets.UTF_8);
        upload("console-not-a-zip", true, write("broken.zip", notAZip));
        browser.wait
                .withMessage(() -> "an error on the source: " + browser.textOf("model-source"))
                .until(d -> !browser.textOf("model-source").isBlank()
                        && browser.textOf("model-source").toLowerCase().contains("archive"));
        assertEquals(before, StoredState.of(tenant.id()), "a refused archive left something behind");
    }

    @Test
    void anAdministratorChangesQuotasWhichTheApiReadsAndAnOfficerCannot() throws IOException {
        browser.driver.get(ConsoleBrowser.CONSOLE + "quotas");
        browser.wait.until(d -> browser.textOf("quotas-grid").contains("Stored model bytes"));
        long version = ApiClient.json(admin.get("/api/v1/resources/quotas"))
                .getJsonNumber("version")
                .longValue();

        browser.type("quota-concurrent-jobs", "1.5");
        browser.click("quota-save");
        browser.wait
                .withMessage(() -> "an error on concurrent jobs: " + browser.textOf("quota-concurrent-jobs"))
                .until(d -> browser.textOf("quota-concurrent-jobs").contains("whole number"));
        assertEquals(
                version,
                ApiClient.json(admin.get("/api/v1/resources/quotas"))
                        .getJsonNumber("version")
                        .longValue(),
                "nothing changed");

        browser.type("quota-stored-model-bytes", "123456789");
        browser.type("quota-concurrent-jobs", "7");
        browser.type("quota-cpu-seconds-per-day", "3600");
        browser.click("quota-save");
        browser.wait
                .withMessage(() -> "the new limit in " + browser.textOf("quotas-grid"))
                .until(d -> browser.textOf("quotas-grid").contains("123,456,789 bytes"));
        JsonObject quotas = ApiClient.json(admin.get("/api/v1/resources/quotas"));
        var limits = quotas.getJsonObject("limits");
        assertEquals(123456789L, limits.getJsonNumber("storedModelBytes").longValue());
        assertEquals(7, limits.getInt("concurrentJobs"));
        assertEquals(3600L, limits.getJsonNumber("cpuSecondsPerDay").longValue());
        assertEquals(tenant.administrator().id().toString(), quotas.getString("updatedBy"));
        var audit = admin.get("/api/v1/audit/events?action=resources.quota.changed");
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains(tenant.administrator().username()), audit.body());

        try (var officerBrowser = new ConsoleBrowser()) {
            SESSION.showing(officerBrowser);
            officerBrowser.signIn(tenant.name(), officer, officerPassword);
            officerBrowser.click("nav-quotas");
            officerBrowser.wait.until(d -> officerBrowser.textOf("quotas-grid").contains("123,456,789 bytes"));
            assertTrue(officerBrowser.driver.findElements(By.id("quota-save")).isEmpty(), "no editor for officers");
            officerBrowser.click("nav-models");
            officerBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("models-grid")));
            assertTrue(officerBrowser.driver.findElements(By.id("model-upload")).isEmpty(), "no upload for officers");
            officerBrowser.click("nav-model-policies");
            officerBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-policies-grid")));
            assertTrue(
                    officerBrowser
                            .driver
                            .findElements(By.id("model-policy-create"))
                            .isEmpty(),
                    "no policy writing for officers");
        } finally {
            SESSION.showing(browser);
        }
    }

    @Test
    void aModelPolicyVersionWrittenInTheConsoleIsTheApis() throws IOException {
        String name = "console-model-" + System.nanoTime();
        browser.driver.get(ConsoleBrowser.CONSOLE + "model-policies");
        browser.wait.until(d -> browser.textOf("model-policies-grid").contains("default"));
        browser.click("model-policy-create");
        browser.type("model-policy-name", name);
        typeArea("model-policy-keys", "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n");
        browser.click("model-policy-save");
        browser.wait
                .withMessage(() -> "an error on the keys: " + browser.textOf("model-policy-keys"))
                .until(d -> browser.textOf("model-policy-keys").contains("trustedKeys[0]"));
        assertEquals(404, admin.get(policyPath(name)).statusCode(), "nothing written");

        String key = trustedKeyPem();
        typeArea("model-policy-keys", key);
        browser.type("model-policy-max-size", "1048576");
        browser.click("model-policy-suspicious-passes");
        browser.click("model-policy-save");
        browser.wait
                .withMessage(() -> name + " in " + browser.textOf("model-policies-grid"))
                .until(d -> browser.textOf("model-policies-grid").contains(name));
        JsonObject first = ApiClient.json(admin.get(policyPath(name)));
        assertEquals(1, first.getInt("version"));
        assertEquals(1048576L, first.getJsonNumber("maxSizeBytes").longValue());
        assertTrue(first.getBoolean("suspiciousPasses"));
        assertEquals(
                key.replaceAll("-----[A-Z ]+-----|\\s", ""),
                first.getJsonArray("trustedKeys").getString(0).replaceAll("-----[A-Z ]+-----|\\s", ""),
                "the key typed in the console is the policy's");

        browser.click("model-policy-edit");
        browser.type("model-policy-max-size", "2048");
        browser.click("model-policy-save");
        browser.wait
                .withMessage(() -> "version 2 in " + browser.textOf("model-policy-detail"))
                .until(d -> browser.textOf("model-policy-detail").contains(name + " — version 2"));
        JsonObject second = ApiClient.json(admin.get(policyPath(name)));
        assertEquals(2, second.getInt("version"));
        assertEquals(2048L, second.getJsonNumber("maxSizeBytes").longValue());
        assertTrue(second.getBoolean("suspiciousPasses"), "the new version starts from the old one");
        assertFalse(second.getBoolean("signatureRequired"));
        var audit = admin.get("/api/v1/audit/events?action=model-policy.updated");
        assertTrue(audit.body().contains(tenant.administrator().username()), audit.body());
    }

    /** A fresh ECDSA P-256 public key as PEM, the kind of key model signatures are checked with. */
    private static String trustedKeyPem() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String policyPath(String name) {
        return "/api/v1/attestations/models/policies/" + name;
    }

    private static void typeArea(String id, String text) {
        var area =
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " textarea")));
        area.clear();
        area.sendKeys(text);
    }
}
