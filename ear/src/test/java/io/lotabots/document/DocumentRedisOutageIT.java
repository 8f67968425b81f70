package io.lotabots.document;

import static io.lotabots.document.DocumentUploads.DOCUMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestTenant;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis taken away from the server (dev-services' switchable proxy) after documents were read into the cache.
 * The document cache itself falls back to PostgreSQL, but the API's session check fails closed first (a
 * server that cannot hear revocations refuses every token within a second: Identity), so while Redis is
 * away document reads and writes answer 503 problem+json with Retry-After: never a page from the cache, and
 * nothing written. Once Redis is back, reads answer again with what PostgreSQL holds.
 */
class DocumentRedisOutageIT {

    private final DevServicesReport services = new DevServicesReport();

    @AfterEach
    void restore() {
        services.setReachable("redis", true);
    }

    @Test
    void withRedisAwayDocumentsAnswer503AndNothingChangesThenServeAgain() throws SQLException {
        var admin = TestTenant.create("doc-redis-down").admin();
        String id = created(admin, "before outage");
        String etag = ApiClient.etag(admin.get(DOCUMENTS + "/" + id));
        assertEquals("before outage", title(admin, id));
        assertEquals(List.of("before outage"), titles(admin));

        services.setReachable("redis", false);

        var read = Eventually.await(
                Duration.ofSeconds(10),
                () -> admin.get(DOCUMENTS + "/" + id),
                r -> r.statusCode() != 200,
                "the server to notice Redis is away");
        assertServiceUnavailable(read);
        assertServiceUnavailable(admin.get(DOCUMENTS + "?sort=title"));
        assertServiceUnavailable(admin.get(DOCUMENTS + "/" + UUID.randomUUID()));
        assertServiceUnavailable(DocumentUploads.patch(admin, id, "{\"title\":\"during outage\"}", etag));
        assertEquals("before outage", storedTitle(id), "the refused patch changed nothing");

        services.setReachable("redis", true);
        Eventually.await(
                Duration.ofSeconds(30),
                () -> admin.get(DOCUMENTS + "/" + id).statusCode(),
                s -> s == 200,
                "document reads once Redis is back");

        assertEquals("before outage", title(admin, id));
        var patched = DocumentUploads.patch(admin, id, "{\"title\":\"after outage\"}", etag);
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("after outage", title(admin, id), "the cached view was evicted");
        assertEquals(List.of("after outage"), titles(admin), "the cached list page was evicted");
    }

    private String storedTitle(String id) throws SQLException {
        try (var c = services.database();
                var s = c.prepareStatement("select title from lotabots.documents where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (var r = s.executeQuery()) {
                assertTrue(r.next(), "the document's row");
                return r.getString(1);
            }
        }
    }

    private static void assertServiceUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), "Retry-After");
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(
                "https://lotabots.io/problems/dependency-unavailable",
                ApiClient.json(response).getString("type"));
    }

    private static String created(ApiClient api, String title) {
        return DocumentUploads.created(
                        api,
                        DocumentUploads.form()
                                .metadata("{\"title\":\"" + title + "\"}")
                                .file("o.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))
                .getString("id");
    }

    private static String title(ApiClient api, String id) {
        var read = api.get(DOCUMENTS + "/" + id);
        assertEquals(200, read.statusCode(), read.body());
        return ApiClient.json(read).getString("title");
    }

    private static List<String> titles(ApiClient api) {
        var page = api.get(DOCUMENTS + "?sort=title");
        assertEquals(200, page.statusCode(), page.body());
        return ApiClient.json(page).getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("title"))
                .toList();
    }
}
