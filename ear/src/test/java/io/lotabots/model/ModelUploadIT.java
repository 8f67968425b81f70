package io.lotabots.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Models through the API against the real server, PostgreSQL and S3: single files and zipped directories
 * stored with the digests sha256sum gives, read back, listed and deleted with their objects, confined to
 * their tenant and to the roles that may touch them.
 */
class ModelUploadIT {

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tenant() {
        tenant = TestTenant.create("models");
        admin = tenant.admin();
    }

    @Test
    void aSingleFileIsStoredInPartsWithTheDigestSha256sumGivesAndReadBackUnchanged() throws Exception {
        byte[] weights = safetensors(20 * 1024 * 1024 + 123); // beyond one 8 MiB part: a multipart upload

        var response = ModelUploads.form()
                .name("tiny-llama")
                .file("model.safetensors", weights)
                .send(admin);

        assertEquals(201, response.statusCode(), response.body());
        JsonObject model = ApiClient.json(response);
        String id = model.getString("id");
        assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/models/" + id));
        assertEquals(ModelUploads.sha256sum(weights), model.getString("sha256"));
        assertEquals(weights.length, model.getJsonNumber("size").longValue());
        assertEquals("FILE", model.getString("kind"));
        assertEquals("safetensors", model.getString("format"));
        assertEquals("tiny-llama", model.getString("name"));
        assertEquals(tenant.adminId().toString(), model.getString("createdBy"));
        var file = model.getJsonArray("files").getJsonObject(0);
        assertEquals("model.safetensors", file.getString("path"));
        assertEquals(model.getString("sha256"), file.getString("sha256"));
        var objects = TestBucket.keys("models/" + tenant.id() + "/" + id + "/");
        assertEquals(1, objects.size(), objects.toString());
        // encrypted at rest: the header, then 64 KiB chunks with a 16-byte tag each, no plaintext
        byte[] stored = TestBucket.get(objects.get(0));
        assertArrayEquals("LBE1".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(stored, 4));
        assertEquals(24 + weights.length + 16L * (weights.length / 65536 + 1), stored.length);
        assertFalse(
                contains(stored, java.util.Arrays.copyOfRange(weights, 4096, 4128)),
                "a run of the weights is readable in S3");
        assertEquals(List.of(), TestBucket.unfinishedUploads("models/" + tenant.id() + "/"));
        var read = ApiClient.json(admin.get(ModelUploads.MODELS + "/" + id));
        assertEquals(model, read);
    }

    @Test
    void aZippedDirectoryBecomesOneFilePerEntryEachWithItsOwnDigestAndSymlinksFlagged() throws Exception {
        byte[] weights = safetensors(3 * 1024 * 1024);
        byte[] config = "{\"architectures\":[\"LlamaForCausalLM\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] pickle = {(byte) 0x80, 2, '}', 'q', 0, '.'};
        byte[] zip = infoZip(dir -> {
            Files.write(dir.resolve("model.safetensors"), weights);
            Files.write(dir.resolve("config.json"), config);
            Files.createDirectories(dir.resolve("legacy"));
            Files.write(dir.resolve("legacy/pytorch_model.bin"), pickle);
            Files.createSymbolicLink(dir.resolve("weights.safetensors"), Path.of("model.safetensors"));
        });

        var response = ModelUploads.form().name("llama-dir").archive(zip).send(admin);

        assertEquals(201, response.statusCode(), response.body());
        JsonObject model = ApiClient.json(response);
        assertEquals("DIRECTORY", model.getString("kind"));
        assertEquals("directory", model.getString("format"));
        assertFalse(model.containsKey("sha256"), model.toString());
        assertEquals(4, model.getInt("fileCount"));
        var files =
                model.getJsonArray("files").stream().map(v -> v.asJsonObject()).toList();
        var byPath = new java.util.HashMap<String, JsonObject>();
        files.forEach(f -> byPath.put(f.getString("path"), f));
        assertEquals(
                ModelUploads.sha256sum(weights), byPath.get("model.safetensors").getString("sha256"));
        assertEquals("safetensors", byPath.get("model.safetensors").getString("format"));
        assertEquals(ModelUploads.sha256sum(config), byPath.get("config.json").getString("sha256"));
        assertEquals(
                ModelUploads.sha256sum(pickle),
                byPath.get("legacy/pytorch_model.bin").getString("sha256"));
        assertEquals("pickle", byPath.get("legacy/pytorch_model.bin").getString("format"));
        JsonObject link = byPath.get("weights.safetensors");
        assertTrue(link.getBoolean("symlink"), link.toString());
        assertEquals(
                ModelUploads.sha256sum("model.safetensors".getBytes(StandardCharsets.UTF_8)), link.getString("sha256"));
        assertFalse(byPath.get("config.json").getBoolean("symlink"));
        assertEquals(
                weights.length + config.length + pickle.length + "model.safetensors".length(),
                model.getJsonNumber("size").longValue());
        assertEquals(
                4,
                TestBucket.keys("models/" + tenant.id() + "/" + model.getString("id") + "/")
                        .size());
    }

    @Test
    void aChunkedUploadWithoutContentLengthIsStoredAlike() {
        byte[] bytes = new byte[9 * 1024 * 1024];
        new Random(5).nextBytes(bytes);

        var response =
                ModelUploads.form().file("blob.bin", bytes).name("chunked").sendChunked(admin);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(ModelUploads.sha256sum(bytes), ApiClient.json(response).getString("sha256"));
        assertEquals("unknown", ApiClient.json(response).getString("format"));
    }

    @Test
    void modelsAreListedNewestFirstInPagesAndDeletedWithTheirObjects() {
        var lister = TestTenant.create("models-list");
        var api = lister.admin();
        String first = upload(api, "first", "a".getBytes(StandardCharsets.UTF_8));
        String second = upload(api, "second", ModelUploads.zip("a.txt", "1", "b/c.txt", "2"));
        String third = upload(api, "third", "c".getBytes(StandardCharsets.UTF_8));

        var page = ApiClient.json(api.get(ModelUploads.MODELS + "?limit=2"));
        assertEquals(List.of(third, second), ids(page));
        assertFalse(page.getJsonArray("items").getJsonObject(0).containsKey("files"));
        var rest = ApiClient.json(api.get(page.getString("next")));
        assertEquals(List.of(first), ids(rest));
        assertTrue(rest.isNull("next"));
        long storedBefore = StoredState.of(lister.id()).storedBytes();

        var deleted = api.delete(ModelUploads.MODELS + "/" + second);

        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, api.get(ModelUploads.MODELS + "/" + second).statusCode());
        assertEquals(List.of(), TestBucket.keys("models/" + lister.id() + "/" + second + "/"));
        assertEquals(storedBefore - 2, StoredState.of(lister.id()).storedBytes());
        assertEquals(2, StoredState.of(lister.id()).models());
        assertEquals(404, api.delete(ModelUploads.MODELS + "/" + second).statusCode());
    }

    @Test
    void anotherTenantsModelIsNotFoundAndNotListed() {
        String id = upload(admin, "private", "secret weights".getBytes(StandardCharsets.UTF_8));
        var other = TestTenant.create("models-other").admin();

        assertEquals(404, other.get(ModelUploads.MODELS + "/" + id).statusCode());
        assertEquals(404, other.delete(ModelUploads.MODELS + "/" + id).statusCode());
        assertEquals(
                0,
                ApiClient.json(other.get(ModelUploads.MODELS))
                        .getJsonArray("items")
                        .size());
        assertEquals(200, admin.get(ModelUploads.MODELS + "/" + id).statusCode());
        assertEquals(
                1, TestBucket.keys("models/" + tenant.id() + "/" + id + "/").size());
    }

    @Test
    void uploadingIsForTheRolesThatSubmitReadingForAllDeletingForAdministratorsAndOperators() {
        byte[] bytes = "weights".getBytes(StandardCharsets.UTF_8);
        var developer = tenant.userWithRoles("DEVELOPER").login();
        var auditor = tenant.userWithRoles("AUDITOR").login();
        var officer = tenant.userWithRoles("COMPLIANCE_OFFICER").login();
        var operator = tenant.userWithRoles("OPERATOR").login();
        long before = StoredState.of(tenant.id()).models();

        assertEquals(
                403,
                ModelUploads.form().name("x").file("m", bytes).send(auditor).statusCode());
        assertEquals(
                403,
                ModelUploads.form().name("x").file("m", bytes).send(officer).statusCode());
        assertEquals(before, StoredState.of(tenant.id()).models());
        String id = upload(developer, "by-bot", bytes);
        assertEquals(200, auditor.get(ModelUploads.MODELS + "/" + id).statusCode());
        assertEquals(200, officer.get(ModelUploads.MODELS).statusCode());
        assertEquals(403, developer.delete(ModelUploads.MODELS + "/" + id).statusCode());
        assertEquals(403, auditor.delete(ModelUploads.MODELS + "/" + id).statusCode());
        assertEquals(204, operator.delete(ModelUploads.MODELS + "/" + id).statusCode());
    }

    @Test
    void uploadsAndDeletionsAreAuditedWithTheirRealActor() throws Exception {
        var developer = tenant.userWithRoles("DEVELOPER", "OPERATOR");
        var api = developer.login();
        String id = upload(api, "audited", "w".getBytes(StandardCharsets.UTF_8));
        assertEquals(204, api.delete(ModelUploads.MODELS + "/" + id).statusCode());

        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement("select action, actor, actor_name, outcome, details->>'name' from"
                        + " lotabots.audit_event_readable where tenant_id = ? and target_id = ? order by id")) {
            q.setObject(1, tenant.id());
            q.setString(2, id);
            try (var rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("model.uploaded", rs.getString(1));
                assertEquals(developer.id().toString(), rs.getString(2));
                assertEquals(developer.username(), rs.getString(3));
                assertEquals("SUCCESS", rs.getString(4));
                assertEquals("audited", rs.getString(5));
                assertTrue(rs.next());
                assertEquals("model.deleted", rs.getString(1));
                assertEquals(developer.id().toString(), rs.getString(2));
                assertFalse(rs.next());
            }
        }
    }

    static String upload(ApiClient api, String name, byte[] content) {
        boolean zip = content.length > 2 && content[0] == 'P' && content[1] == 'K';
        var form = ModelUploads.form().name(name);
        var response = (zip ? form.archive(content) : form.file(name + ".bin", content)).send(api);
        assertEquals(201, response.statusCode(), response.body());
        return ApiClient.json(response).getString("id");
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList();
    }

    /** A safetensors-looking file: an 8-byte header length, a JSON header, then random bytes. */
    static byte[] safetensors(int size) {
        byte[] header = "{\"__metadata__\":{\"format\":\"pt\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        ByteBuffer.wrap(bytes)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length)
                .put(header);
        return bytes;
    }

    interface DirectoryWriter {
        void write(Path dir) throws Exception;
    }

    /** The directory the writer fills, zipped by Info-ZIP's zip keeping symbolic links as links (zip -y). */
    static byte[] infoZip(DirectoryWriter writer) throws Exception {
        Path dir = Files.createTempDirectory("model-dir");
        Path zip = Files.createTempDirectory("model-zip").resolve("model.zip");
        try {
            writer.write(dir);
            var process = new ProcessBuilder("zip", "-q", "-r", "-y", zip.toString(), ".")
                    .directory(dir.toFile())
                    .inheritIO()
                    .start();
            assertEquals(0, process.waitFor(), "zip failed");
            return Files.readAllBytes(zip);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(zip);
            Files.deleteIfExists(zip.getParent());
        }
    }

    static void assertNothingStored(UUID tenantId, StoredState before) {
        var after = StoredState.of(tenantId);
        assertEquals(before, after, "a refused upload left something behind");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
