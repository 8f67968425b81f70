package io.lotabots.document;

import static io.lotabots.document.DocumentUploads.DOCUMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Document metadata through the API: read with its ETag, changed by merge patch under If-Match, listed with
 * filters, orders and cursors, kept to its tenant and to the roles that may touch it, and every write, delete
 * and content read audited with its real actor.
 */
class DocumentMetadataIT {

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tenant() {
        tenant = TestTenant.create("document-meta");
        admin = tenant.admin();
    }

    private static JsonObject upload(ApiClient api, String metadata) {
        return DocumentUploads.created(
                api,
                DocumentUploads.form()
                        .metadata(metadata)
                        .file("m.txt", "text/plain", "content".getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> titles(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("title"))
                .toList();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aDocumentIsReadWithItsMetadataAndAnEtagThatIsItsVersion() {
        var created = DocumentUploads.form()
                .metadata(
                        "{\"title\":\"Model card\",\"tags\":[\"card\",\"llama\"],\"attributes\":{\"model\":\"llama-3\",\"year\":2026}}")
                .file("card.md", "text/markdown", "# card".getBytes(StandardCharsets.UTF_8))
                .send(admin);
        assertEquals(201, created.statusCode(), created.body());
        var document = ApiClient.json(created);
        String id = document.getString("id");
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(DOCUMENTS + "/" + id));

        var read = admin.get(DOCUMENTS + "/" + id);

        assertEquals(200, read.statusCode());
        assertEquals(ApiClient.etag(created), ApiClient.etag(read));
        assertEquals("\"" + document.getJsonNumber("version").longValue() + "\"", ApiClient.etag(read));
        var body = ApiClient.json(read);
        assertEquals("Model card", body.getString("title"));
        assertEquals(
                List.of("card", "llama"),
                body.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertEquals(2026, body.getJsonObject("attributes").getInt("year"));
        assertEquals("text/markdown", body.getString("contentType"));
        assertEquals("card.md", body.getString("fileName"));
        assertEquals(tenant.adminId().toString(), body.getString("createdBy"));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesUnderIfMatch() {
        var created = DocumentUploads.form()
                .metadata(
                        "{\"title\":\"Contract\",\"tags\":[\"legal\"],\"attributes\":{\"party\":\"ACME\",\"draft\":true}}")
                .file("c.txt", "text/plain", "c".getBytes(StandardCharsets.UTF_8))
                .send(admin);
        String id = ApiClient.json(created).getString("id");
        String etag = ApiClient.etag(created);

        var missing = DocumentUploads.patch(admin, id, "{\"title\":\"x\"}", null);
        var stale = DocumentUploads.patch(admin, id, "{\"title\":\"x\"}", "\"12345\"");
        var invalid = DocumentUploads.patch(admin, id, "{\"title\":null}", etag);
        var patched = DocumentUploads.patch(
                admin,
                id,
                "{\"title\":\"Signed contract\",\"attributes\":{\"draft\":null,\"signed\":\"2026-12-01\"}}",
                etag);
        var again = DocumentUploads.patch(admin, id, "{\"title\":\"y\"}", etag);

        assertEquals(428, missing.statusCode(), missing.body());
        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(invalid.body().contains("\"title\""), invalid.body());
        assertEquals(200, patched.statusCode(), patched.body());
        assertNotEquals(etag, ApiClient.etag(patched));
        assertEquals(412, again.statusCode(), "the old ETag no longer matches: " + again.body());
        var read = ApiClient.json(admin.get(DOCUMENTS + "/" + id));
        assertEquals("Signed contract", read.getString("title"));
        assertEquals(
                List.of("legal"),
                read.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertEquals(
                Json.createObjectBuilder()
                        .add("party", "ACME")
                        .add("signed", "2026-12-01")
                        .build(),
                read.getJsonObject("attributes"));
        assertEquals(1, read.getInt("currentVersion"), "metadata changes make no content version");
    }

    @Test
    void listsFilterByTagAttributesCreationAndTitlePrefixInPages() {
        var lister = TestTenant.create("document-list");
        var api = lister.admin();
        Instant start = Instant.now().minusSeconds(1);
        upload(
                api,
                "{\"title\":\"alpha report\",\"tags\":[\"report\"],\"attributes\":{\"year\":2025,\"team\":{\"name\":\"ops\"}}}");
        upload(
                api,
                "{\"title\":\"beta report\",\"tags\":[\"report\",\"final\"],\"attributes\":{\"year\":2026,\"team\":{\"name\":\"ops\"}}}");
        upload(api, "{\"title\":\"gamma card\",\"tags\":[\"card\"],\"attributes\":{\"year\":2026}}");
        upload(api, "{\"title\":\"100%_real\",\"tags\":[],\"attributes\":{}}");

        assertEquals(
                List.of("beta report", "alpha report"), titles(ApiClient.json(api.get(DOCUMENTS + "?tag=report"))));
        assertEquals(
                List.of("gamma card", "beta report"),
                titles(ApiClient.json(api.get(DOCUMENTS + "?attributes=" + q("{\"year\":2026}")))));
        assertEquals(
                List.of("beta report", "alpha report"),
                titles(ApiClient.json(api.get(DOCUMENTS + "?attributes=" + q("{\"team\":{\"name\":\"ops\"}}")))));
        assertEquals(
                List.of("beta report"),
                titles(ApiClient.json(api.get(DOCUMENTS + "?tag=report&attributes=" + q("{\"year\":2026}")))));
        assertEquals(List.of("alpha report"), titles(ApiClient.json(api.get(DOCUMENTS + "?titlePrefix=alp"))));
        assertEquals(List.of("100%_real"), titles(ApiClient.json(api.get(DOCUMENTS + "?titlePrefix=" + q("100%_")))));
        assertEquals(
                List.of(), titles(ApiClient.json(api.get(DOCUMENTS + "?titlePrefix=" + q("1%")))), "% is no wildcard");
        assertEquals(
                4,
                titles(ApiClient.json(api.get(DOCUMENTS + "?createdFrom=" + start)))
                        .size());
        assertEquals(
                0,
                titles(ApiClient.json(api.get(DOCUMENTS + "?createdBefore=" + start)))
                        .size());
        assertEquals(
                List.of("100%_real", "alpha report", "beta report", "gamma card"),
                titles(ApiClient.json(api.get(DOCUMENTS + "?sort=title"))));

        var seen = new ArrayList<String>();
        String next = DOCUMENTS + "?sort=createdAt&limit=3";
        int pages = 0;
        while (next != null) {
            var page = ApiClient.json(api.get(next));
            seen.addAll(titles(page));
            next = page.isNull("next") ? null : page.getString("next");
            pages++;
        }
        assertEquals(2, pages);
        assertEquals(List.of("alpha report", "beta report", "gamma card", "100%_real"), seen);
        var byTitle = ApiClient.json(api.get(DOCUMENTS + "?sort=title&limit=2"));
        assertEquals(List.of("100%_real", "alpha report"), titles(byTitle));
        assertEquals(List.of("beta report", "gamma card"), titles(ApiClient.json(api.get(byTitle.getString("next")))));
    }

    @Test
    void aChangeIsSeenAtOnceInReadsAndListsThoughTheyAreCached() {
        var created = DocumentUploads.of("cached before", "text/plain", new byte[] {1})
                .send(admin);
        String id = ApiClient.json(created).getString("id");
        String list = DOCUMENTS + "?titlePrefix=" + q("cached ");
        assertEquals(List.of("cached before"), titles(ApiClient.json(admin.get(list))));
        assertEquals(
                "cached before", ApiClient.json(admin.get(DOCUMENTS + "/" + id)).getString("title"));

        var patched = DocumentUploads.patch(admin, id, "{\"title\":\"cached after\"}", ApiClient.etag(created));

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(
                "cached after", ApiClient.json(admin.get(DOCUMENTS + "/" + id)).getString("title"));
        assertEquals(List.of("cached after"), titles(ApiClient.json(admin.get(list))));
        assertEquals(204, admin.delete(DOCUMENTS + "/" + id).statusCode());
        assertEquals(404, admin.get(DOCUMENTS + "/" + id).statusCode());
        assertEquals(List.of(), titles(ApiClient.json(admin.get(list))));
    }

    @Test
    void anotherTenantsDocumentIsNotFoundAnywhere() {
        var created = DocumentUploads.of("private", "text/plain", "secret".getBytes(StandardCharsets.UTF_8))
                .send(admin);
        String id = ApiClient.json(created).getString("id");
        String etag = ApiClient.etag(created);
        var otherTenant = TestTenant.create("document-other");
        var other = otherTenant.admin();
        String otherBearer = otherTenant.administrator().tokens().getString("access_token");

        assertEquals(404, other.get(DOCUMENTS + "/" + id).statusCode());
        assertEquals(
                404,
                DocumentUploads.download(otherBearer, DOCUMENTS + "/" + id + "/content", null)
                        .statusCode());
        assertEquals(
                404,
                DocumentUploads.download(otherBearer, DOCUMENTS + "/" + id + "/versions/1/content", null)
                        .statusCode());
        assertEquals(404, other.get(DOCUMENTS + "/" + id + "/versions").statusCode());
        assertEquals(
                404,
                DocumentUploads.patch(other, id, "{\"title\":\"mine\"}", etag).statusCode());
        assertEquals(
                404,
                DocumentUploads.putContent(other, id, "text/plain", new byte[] {1}, etag)
                        .statusCode());
        assertEquals(404, other.delete(DOCUMENTS + "/" + id).statusCode());
        assertEquals(
                0, ApiClient.json(other.get(DOCUMENTS)).getJsonArray("items").size());
        var mine = ApiClient.json(admin.get(DOCUMENTS + "/" + id));
        assertEquals("private", mine.getString("title"));
        assertEquals(1, mine.getInt("currentVersion"));
    }

    @Test
    void auditorsOnlyReadDevelopersWriteAndOnlyAdministratorsAndOperatorsDelete() {
        var auditor = tenant.userWithRoles("AUDITOR").login();
        var developer = tenant.userWithRoles("DEVELOPER").login();
        var officer = tenant.userWithRoles("COMPLIANCE_OFFICER").login();
        var operator = tenant.userWithRoles("OPERATOR").login();

        assertEquals(
                403,
                DocumentUploads.of("no", "text/plain", new byte[] {1})
                        .send(auditor)
                        .statusCode());
        var created =
                DocumentUploads.of("by developer", "text/plain", new byte[] {1}).send(developer);
        assertEquals(201, created.statusCode(), created.body());
        String id = ApiClient.json(created).getString("id");
        assertEquals(200, auditor.get(DOCUMENTS + "/" + id).statusCode());
        assertEquals(
                403,
                DocumentUploads.patch(auditor, id, "{\"title\":\"t\"}", ApiClient.etag(created))
                        .statusCode());
        var patched = DocumentUploads.patch(officer, id, "{\"tags\":[\"evidence\"]}", ApiClient.etag(created));
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(403, developer.delete(DOCUMENTS + "/" + id).statusCode());
        assertEquals(403, officer.delete(DOCUMENTS + "/" + id).statusCode());
        assertEquals(403, auditor.delete(DOCUMENTS + "/" + id).statusCode());
        assertEquals(204, operator.delete(DOCUMENTS + "/" + id).statusCode());
    }

    @Test
    void everyWriteDeleteAndContentReadIsAuditedWithItsRealActor() throws Exception {
        var user = tenant.userWithRoles("DEVELOPER", "OPERATOR");
        var api = user.login();
        String bearer = user.tokens().getString("access_token");
        var created = DocumentUploads.of("audited", "text/plain", "a".getBytes(StandardCharsets.UTF_8))
                .send(api);
        String id = ApiClient.json(created).getString("id");
        var replaced = DocumentUploads.putContent(
                api, id, "text/plain", "b".getBytes(StandardCharsets.UTF_8), ApiClient.etag(created));
        var patched = DocumentUploads.patch(api, id, "{\"title\":\"audited twice\"}", ApiClient.etag(replaced));
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(
                206,
                DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/content", "bytes=0-0")
                        .statusCode());
        assertEquals(204, api.delete(DOCUMENTS + "/" + id).statusCode());

        var actions = new ArrayList<String>();
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement("select action, actor, actor_name, outcome, details->>'range' from"
                        + " lotabots.audit_event_readable where tenant_id = ? and target_id = ? order by id")) {
            q.setObject(1, tenant.id());
            q.setString(2, id);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1) + (rs.getString(5) == null ? "" : " " + rs.getString(5)));
                    assertEquals(user.id().toString(), rs.getString(2));
                    assertEquals(user.username(), rs.getString(3));
                    assertEquals("SUCCESS", rs.getString(4));
                }
            }
        }
        assertEquals(
                List.of(
                        "document.created",
                        "document.version-added",
                        "document.metadata-changed",
                        "document.content-read bytes=0-0",
                        "document.deleted"),
                actions);
    }

    @Test
    void versionsAreListedNewestFirst() {
        var created = DocumentUploads.of("two versions", "text/plain", "1".getBytes(StandardCharsets.UTF_8))
                .send(admin);
        String id = ApiClient.json(created).getString("id");
        assertEquals(
                200,
                DocumentUploads.putContent(
                                admin, id, "text/csv", "2".getBytes(StandardCharsets.UTF_8), ApiClient.etag(created))
                        .statusCode());

        var response = admin.get(DOCUMENTS + "/" + id + "/versions");

        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            var versions = reader.readArray();
            assertEquals(2, versions.size());
            assertEquals(2, versions.getJsonObject(0).getInt("number"));
            assertEquals("text/csv", versions.getJsonObject(0).getString("contentType"));
            assertEquals(1, versions.getJsonObject(1).getInt("number"));
            assertFalse(versions.getJsonObject(1).getString("sha256").isEmpty());
        }
    }
}
