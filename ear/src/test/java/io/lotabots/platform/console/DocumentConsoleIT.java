package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Documents view in Debian's Chromium against the running server: an administrator uploads a document
 * through the browser, finds it by a search kept in the URL, downloads exactly its bytes (audited as a
 * content read by that administrator), stores and downloads versions, is refused a new version based on a
 * stale one, and deletes after confirming; auditors only read, compliance officers upload but do not delete,
 * and neither gets the Keys view.
 */
class DocumentConsoleIT {

    private static final String DOCUMENTS = "/api/v1/documents";

    private static TestTenant tenant;
    private static ApiClient admin;
    private static TestUser auditor;
    private static TestUser officer;
    private static ConsoleBrowser browser;
    private static Path files;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void tenantWithAnAdministratorInTheConsole() throws IOException {
        AttestationConsoleIT.awaitApplication();
        tenant = TestTenant.create("document-console");
        admin = tenant.admin();
        auditor = tenant.userWithRoles("AUDITOR");
        officer = tenant.userWithRoles("COMPLIANCE_OFFICER");
        files = Files.createTempDirectory("document-console-it");
        browser = SESSION.browser();
        browser.signedInAsAdministratorOf(tenant);
    }

    @Test
    void anUploadedDocumentIsFoundBySearchDownloadedWithItsBytesAndDeletedAfterConfirmation() throws Exception {
        String title = "console-contract-" + System.nanoTime();
        byte[] content = ("The contract of " + title + "\n").getBytes(StandardCharsets.UTF_8);
        openDocuments("");
        browser.type("document-title", title);
        browser.type("document-tags", "contract, console");
        browser.driver.findElement(By.cssSelector("#document-tags input")).sendKeys(Keys.TAB);
        chooseFile("document-upload", write("contract.txt", content));
        browser.wait
                .withMessage(() -> "stored, says " + browser.textOf("document-upload-status"))
                .until(d -> browser.textOf("document-upload-status").contains("Stored " + title));

        JsonObject document = apiDocumentTitled(title);
        String id = document.getString("id");
        assertEquals(sha256(content), document.getString("sha256"), "the API's digest is the file's");
        assertEquals(tenant.administrator().username(), document.getString("createdByName"), "the console's actor");
        assertEquals("[\"contract\",\"console\"]", document.getJsonArray("tags").toString());

        // a search the document does not match, then one it does; the filters live in the URL
        openDocuments("");
        browser.type("document-search-title", title);
        browser.type("document-search-tag", "no-such-tag");
        browser.clickCentered("document-search");
        browser.wait
                .withMessage(() -> "the tag filter in the URL: " + browser.driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().contains("tag=no-such-tag"));
        // hidden rows keep their text in the DOM: the grid's size says what it shows
        browser.wait.withMessage(() -> "the tag filter to hide it").until(d -> rows() == 0);
        browser.type("document-search-tag", "contract");
        browser.clickCentered("document-search");
        browser.wait
                .withMessage(() -> title + " in " + browser.textOf("documents-grid"))
                .until(d -> rows() == 1 && browser.textOf("documents-grid").contains(title));
        String shared = browser.driver.getCurrentUrl();
        assertTrue(shared.contains("title=") && shared.contains("tag=contract"), shared);
        browser.driver.get(shared);
        browser.wait
                .withMessage(() -> "a reload keeps the search: " + browser.textOf("documents-grid"))
                .until(d -> browser.textOf("documents-grid").contains(title));
        assertEquals(
                title,
                browser.driver
                        .findElement(By.cssSelector("#document-search-title input"))
                        .getDomProperty("value"));

        browser.selectRow("documents-grid", title);
        browser.wait.until(d -> browser.textOf("document-versions-grid").contains("contract.txt"));
        assertTrue(browser.textOf("document-detail-tags").contains("contract, console"));
        var download = download(browser, "document-download");
        assertEquals(200, download.statusCode());
        assertArrayEquals(content, download.body(), "the console's download is the uploaded file");
        assertEquals(
                new String(content, StandardCharsets.UTF_8),
                admin.get(DOCUMENTS + "/" + id + "/content").body());
        var reads = admin.get("/api/v1/audit/events?action=document.content-read&targetType=document&targetId=" + id);
        assertEquals(200, reads.statusCode(), reads.body());
        var readEvents = ApiClient.json(reads).getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(
                readEvents.stream().anyMatch(e -> tenant.adminId().toString().equals(e.getString("actor", ""))),
                "a console download is a content read by the signed-in administrator: " + reads.body());

        browser.clickCentered("document-delete");
        browser.answer("document-delete-dialog", "cancel");
        assertEquals(200, admin.get(DOCUMENTS + "/" + id).statusCode(), "cancel keeps it");
        browser.clickCentered("document-delete");
        browser.answer("document-delete-dialog", "confirm");
        browser.wait.withMessage(() -> title + " gone from the grid").until(d -> rows() == 0);
        assertEquals(404, admin.get(DOCUMENTS + "/" + id).statusCode());
        var deleted = admin.get("/api/v1/audit/events?action=document.deleted&targetType=document&targetId=" + id);
        assertTrue(deleted.body().contains(tenant.adminId().toString()), deleted.body());
    }

    @Test
    void versionsAreStoredAndEachDownloadedAndAnUploadBasedOnAStaleVersionIsRefused() throws Exception {
        String title = "console-versions-" + System.nanoTime();
        byte[] first = "first version\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second version, longer\n".getBytes(StandardCharsets.UTF_8);
        JsonObject created = apiUpload(title, first);
        String id = created.getString("id");

        openDocuments("?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
        browser.selectRow("documents-grid", title);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-version-download-1")));
        chooseFile("document-version-upload", write("second.txt", second));
        browser.wait
                .withMessage(() -> "version 2 stored, says " + browser.textOf("document-version-status"))
                .until(d -> browser.textOf("document-version-status").contains("Stored version 2"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-version-download-2")));
        assertArrayEquals(
                first, download(browser, "document-version-download-1").body(), "the older version");
        assertArrayEquals(
                second, download(browser, "document-version-download-2").body(), "the newer version");
        assertArrayEquals(second, download(browser, "document-download").body(), "the current one");
        assertEquals(2, ApiClient.json(admin.get(DOCUMENTS + "/" + id)).getInt("currentVersion"));

        // the detail opened afresh at version 2: chromedriver adds a second file to an upload input that keeps
        // the first one, where a person's file dialog replaces it, so each upload here starts on its own page
        openDocuments("?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
        browser.selectRow("documents-grid", title);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-version-download-2")));
        // someone else stores version 3 through the API; the console still shows version 2
        var apiVersion = admin.send(HttpRequest.newBuilder(ApiClient.uri(DOCUMENTS + "/" + id + "/content"))
                .header(
                        "If-Match",
                        admin.get(DOCUMENTS + "/" + id)
                                .headers()
                                .firstValue("ETag")
                                .orElseThrow())
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("third, from the API\n")));
        assertEquals(200, apiVersion.statusCode(), apiVersion.body());
        chooseFile("document-version-upload", write("stale.txt", "based on version 2\n".getBytes()));
        browser.wait
                .withMessage(() -> "a stale upload refused, says " + browser.textOf("document-version-status"))
                .until(d -> browser.textOf("document-version-status").contains("changed since you opened it"));
        JsonObject after = ApiClient.json(admin.get(DOCUMENTS + "/" + id));
        assertEquals(3, after.getInt("currentVersion"), "the stale upload stored nothing");
        assertEquals(3, versionCount(id), "the stale upload stored no version");
        browser.wait
                .withMessage(() -> "the detail shows version 3 now: " + browser.textOf("document-versions-grid"))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("document-version-download-3")));
    }

    @Test
    void anAuditorReadsAndDownloadsButNeitherUploadsNorDeletesAndNoOfficerOrAuditorGetsTheKeysView() throws Exception {
        String title = "console-readonly-" + System.nanoTime();
        byte[] content = "read me\n".getBytes(StandardCharsets.UTF_8);
        String id = apiUpload(title, content).getString("id");

        try (var auditorBrowser = new ConsoleBrowser()) {
            SESSION.showing(auditorBrowser);
            auditorBrowser.signIn(tenant.name(), auditor.username(), auditor.password());
            auditorBrowser.click("nav-documents");
            auditorBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("documents-grid")));
            assertTrue(auditorBrowser.driver.findElements(By.id("nav-keys")).isEmpty(), "no Keys item for auditors");
            assertTrue(
                    auditorBrowser.driver.findElements(By.id("document-upload")).isEmpty(), "no upload");
            auditorBrowser.selectRow("documents-grid", title);
            auditorBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-download")));
            assertArrayEquals(
                    content, download(auditorBrowser, "document-download").body(), "auditors read");
            assertTrue(
                    auditorBrowser.driver.findElements(By.id("document-delete")).isEmpty(), "no delete");
            assertTrue(
                    auditorBrowser
                            .driver
                            .findElements(By.id("document-version-upload"))
                            .isEmpty(),
                    "no new version");
            var reads =
                    admin.get("/api/v1/audit/events?action=document.content-read&targetType=document&targetId=" + id);
            assertTrue(reads.body().contains(auditor.id().toString()), "the auditor's read: " + reads.body());

            auditorBrowser.driver.get(ConsoleBrowser.CONSOLE + "keys");
            auditorBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview-view")));
            assertTrue(auditorBrowser.driver.findElements(By.id("keys-view")).isEmpty(), "the Keys view is refused");
            assertTrue(auditorBrowser.driver.findElements(By.id("keys-rotate")).isEmpty(), "no rotation");
        } finally {
            SESSION.showing(browser);
        }

        try (var officerBrowser = new ConsoleBrowser()) {
            SESSION.showing(officerBrowser);
            officerBrowser.signIn(tenant.name(), officer.username(), officer.password());
            officerBrowser.click("nav-documents");
            officerBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-upload")));
            assertTrue(officerBrowser.driver.findElements(By.id("nav-keys")).isEmpty(), "no Keys item for officers");
            officerBrowser.selectRow("documents-grid", title);
            officerBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-version-upload")));
            assertTrue(
                    officerBrowser.driver.findElements(By.id("document-delete")).isEmpty(), "officers do not delete");
            officerBrowser.driver.get(ConsoleBrowser.CONSOLE + "keys");
            officerBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview-view")));
            assertTrue(officerBrowser.driver.findElements(By.id("keys-rotate")).isEmpty(), "no rotation");
        } finally {
            SESSION.showing(browser);
        }
        assertEquals(200, admin.get(DOCUMENTS + "/" + id).statusCode(), "still there");
    }

    @Test
    void aRefusedUploadShowsWhyAndStoresNothing() throws Exception {
        String marker = "console-refused-" + System.nanoTime();
        openDocuments("");
        // no title: refused before a byte is stored
        browser.type("document-title", "");
        browser.type("document-tags", marker);
        browser.driver.findElement(By.cssSelector("#document-tags input")).sendKeys(Keys.TAB);
        chooseFile("document-upload", write("untitled.txt", "no title\n".getBytes(StandardCharsets.UTF_8)));
        browser.wait
                .withMessage(() -> "an error on the title: " + browser.textOf("document-title"))
                .until(d -> browser.textOf("document-title").contains("must not be blank"));
        assertFalse(browser.textOf("document-upload-status").contains("Stored"));

        // an executable, whatever it is called: refused by the content policy. A fresh page: a second file sent
        // into the same file input was uploaded together with the refused one above (seen in Chromium)
        openDocuments("");
        browser.type("document-title", marker);
        browser.driver.findElement(By.cssSelector("#document-title input")).sendKeys(Keys.TAB);
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0};
        chooseFile("document-upload", write("harmless.txt", elf));
        browser.wait
                .withMessage(() -> "refused, says " + browser.textOf("document-upload-status"))
                .until(d -> browser.textOf("document-upload-status").contains("Not stored"));
        var list = admin.get(DOCUMENTS + "?tag=" + URLEncoder.encode(marker, StandardCharsets.UTF_8));
        assertEquals(0, ApiClient.json(list).getJsonArray("items").size(), list.body());
        list = admin.get(DOCUMENTS + "?titlePrefix=" + URLEncoder.encode(marker, StandardCharsets.UTF_8));
        assertEquals(0, ApiClient.json(list).getJsonArray("items").size(), list.body());
    }

    /** How many rows the documents grid holds (its items, not the rendered cells). */
    private static long rows() {
        Object size = browser.driver.executeScript(
                "return arguments[0].size || 0;", browser.driver.findElement(By.id("documents-grid")));
        return ((Number) size).longValue();
    }

    private static int versionCount(String id) {
        var versions = admin.get(DOCUMENTS + "/" + id + "/versions");
        assertEquals(200, versions.statusCode(), versions.body());
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(versions.body()))) {
            return reader.readArray().size();
        }
    }

    private static void openDocuments(String query) {
        browser.driver.get(ConsoleBrowser.CONSOLE + "documents" + query);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("documents-grid")));
    }

    private static void chooseFile(String uploadId, Path file) {
        WebElement input = browser.wait
                .until(ExpectedConditions.presenceOfElementLocated(By.id(uploadId)))
                .getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private static Path write(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(UUID.randomUUID() + "-" + name), content);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static JsonObject apiDocumentTitled(String title) {
        var list = admin.get(DOCUMENTS + "?titlePrefix=" + URLEncoder.encode(title, StandardCharsets.UTF_8));
        assertEquals(200, list.statusCode(), list.body());
        var items = ApiClient.json(list).getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size(), list.body());
        return items.get(0);
    }

    private static JsonObject apiUpload(String title, byte[] content) {
        return apiUploadAs(admin, title, content);
    }

    /** A document stored through the API: metadata {title}, a text file. */
    static JsonObject apiUploadAs(ApiClient api, String title, byte[] content) {
        String boundary = "----console-it-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"title\":\"" + title + "\"}\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"first.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(tail);
        var response = api.send(HttpRequest.newBuilder(ApiClient.uri(DOCUMENTS))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertEquals(201, response.statusCode(), response.body());
        return ApiClient.json(response);
    }

    /** Follows a download link outside the browser with its cookies, as the browser would. */
    static HttpResponse<byte[]> download(ConsoleBrowser b, String anchorId) throws Exception {
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
}
