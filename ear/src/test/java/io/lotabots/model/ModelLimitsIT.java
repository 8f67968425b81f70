package io.lotabots.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refused or broken upload keeps nothing: no row, no reservation, no object and no unfinished
 * multipart upload in S3 (listed through the S3 API), whether it was refused before or while it was stored.
 * The test server allows 20 files and {@code it.model.max-bytes} per model.
 */
class ModelLimitsIT {

    private static final long MAX_BYTES = Long.getLong("it.model.max-bytes", 335544320L);
    private static TestTenant tenant;
    private static ApiClient admin;
    private StoredState before;

    @BeforeAll
    static void tenant() {
        tenant = TestTenant.create("model-limits");
        admin = tenant.admin();
    }

    @BeforeEach
    void state() {
        before = StoredState.of(tenant.id());
    }

    @Test
    void archiveEntriesThatEscapeTheModelAreRefusedNamingTheEntryAfterEarlierEntriesWereStored() {
        byte[] large = new byte[9 * 1024 * 1024];
        new Random(11).nextBytes(large);
        for (String bad : List.of("../evil.pkl", "/etc/cron.d/evil", "weights\\evil.bin", "a//b.bin", "C:/evil.bin")) {
            byte[] zip = ModelUploads.zip("model.safetensors", large, "config.json", "{}", bad, "x");

            var response = ModelUploads.form().name("escape").archive(zip).send(admin);

            JsonObject problem = problem(response, 422);
            assertEquals(
                    "archive", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
            assertTrue(problem.getString("detail").contains(bad), problem.toString());
            assertNothingLeft();
        }
    }

    @Test
    void aDuplicateEntryIsRefused() throws Exception {
        var zip = Files.createTempFile("duplicate", ".zip");
        try {
            var python = new ProcessBuilder(
                            "python3",
                            "-W",
                            "ignore",
                            "-c",
                            "import sys, zipfile\n"
                                    + "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
                                    + "    z.writestr('weights.bin', b'safe')\n"
                                    + "    z.writestr('weights.bin', b'evil')\n",
                            zip.toString())
                    .inheritIO()
                    .start();
            assertEquals(0, python.waitFor());

            var response = ModelUploads.form()
                    .name("dup")
                    .archive(Files.readAllBytes(zip))
                    .send(admin);

            JsonObject problem = problem(response, 422);
            assertTrue(problem.getString("detail").contains("weights.bin"), problem.toString());
            assertTrue(problem.getString("detail").contains("twice"), problem.toString());
            assertNothingLeft();
        } finally {
            Files.delete(zip);
        }
    }

    @Test
    void anEntryCorruptedInTheMiddleOfAMultipartUploadAbortsItAndKeepsNothing() {
        byte[] large = new byte[20 * 1024 * 1024];
        new Random(13).nextBytes(large);
        byte[] zip = storedZip("model.safetensors", large);
        // flip a byte well past the first 8 MiB part: S3 has parts of this entry when the CRC fails
        int data = indexOf(zip, java.util.Arrays.copyOf(large, 64));
        zip[data + 15_000_000] ^= 0x55;

        var response = ModelUploads.form().name("corrupt").archive(zip).send(admin);

        JsonObject problem = problem(response, 422);
        assertTrue(problem.getString("detail").contains("model.safetensors"), problem.toString());
        assertNothingLeft();
    }

    @Test
    void moreFilesThanAModelMayHaveAreRefused() {
        Object[] entries = new Object[42];
        for (int i = 0; i < 21; i++) {
            entries[2 * i] = "shard-" + i + ".bin";
            entries[2 * i + 1] = "x";
        }

        var response = ModelUploads.form()
                .name("many")
                .archive(ModelUploads.zip(entries))
                .send(admin);

        JsonObject problem = problem(response, 422);
        assertTrue(problem.getString("detail").contains("20"), problem.toString());
        assertNothingLeft();
    }

    @Test
    void aModelLargerThanTheLimitIsRefusedWhileStreamingWith413() throws Exception {
        // zeros compress well: the archive is small, the model it unpacks to is past the limit
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int shard = 0; shard < 2; shard++) {
                zip.putNextEntry(new ZipEntry("shard-" + shard + ".bin"));
                for (long written = 0; written < MAX_BYTES / 2 + 1024 * 1024; written += zeros.length) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
        }

        var response =
                ModelUploads.form().name("huge").archive(out.toByteArray()).send(admin);

        JsonObject problem = problem(response, 413);
        assertEquals("https://lotabots.io/problems/payload-too-large", problem.getString("type"));
        assertNothingLeft();
    }

    @Test
    void formsWithoutNameOrContentOrWithUnknownPartsAreRefusedNamingTheField() {
        byte[] bytes = "w".getBytes(StandardCharsets.UTF_8);
        assertField(ModelUploads.form().file("m.bin", bytes).send(admin), "name");
        assertField(ModelUploads.form().name("no content").send(admin), "file");
        assertField(
                ModelUploads.form()
                        .name("both")
                        .file("m.bin", bytes)
                        .archive(ModelUploads.zip("a", "1"))
                        .send(admin),
                "archive");
        assertField(
                ModelUploads.form()
                        .name("x")
                        .part("Content-Disposition: form-data; name=\"policy\"", bytes)
                        .send(admin),
                "policy");
        assertField(ModelUploads.form().name("x").file("../m.bin", bytes).send(admin), "file");
        assertField(
                ModelUploads.form().name("x".repeat(201)).file("m.bin", bytes).send(admin), "name");
        assertNothingLeft();
    }

    @Test
    void aBodyCutShortOfItsClosingBoundaryIsMalformedAndKeepsNothing() {
        var form = ModelUploads.form().name("cut");
        byte[] whole = body(form.file("m.bin", new byte[10 * 1024 * 1024]));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 4096);

        var response = io.lotabots.testsupport.RawHttp.send(
                "POST",
                ModelUploads.MODELS,
                java.util.Map.of(
                        "Authorization",
                        "Bearer " + tenant.administrator().tokens().getString("access_token"),
                        "Content-Type",
                        form.contentType()),
                cut);

        assertEquals(400, response.status(), response.body());
        assertNothingLeft();
    }

    @Test
    void aClientThatBreaksOffMidUploadLeavesNothingBehind() throws Exception {
        var form = ModelUploads.form().name("abandoned");
        byte[] whole = body(form.file("m.bin", new byte[30 * 1024 * 1024]));
        String token = tenant.administrator().tokens().getString("access_token");
        var base = ApiClient.uri("/");
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            var out = socket.getOutputStream();
            out.write(("POST " + ModelUploads.MODELS + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: " + form.contentType()
                            + "\r\nContent-Length: " + whole.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(whole, 0, 20 * 1024 * 1024); // two parts stored, the third on its way
            out.flush();
            // break off only once the server is storing the file: its multipart upload is under way
            Eventually.await(
                    Duration.ofSeconds(60),
                    () -> StoredState.of(tenant.id()).unfinishedUploads(),
                    uploads -> !uploads.isEmpty(),
                    "the server to begin the file's multipart upload");
        }

        Eventually.await(
                Duration.ofSeconds(60),
                () -> StoredState.of(tenant.id()),
                before::equals,
                "the broken-off upload to be cleared");
    }

    private void assertNothingLeft() {
        assertEquals(before, StoredState.of(tenant.id()), "a refused upload left something behind");
    }

    private static void assertField(HttpResponse<String> response, String field) {
        JsonObject problem = problem(response, 400);
        var fields = problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertTrue(fields.contains(field), field + " not named in " + problem);
    }

    static JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        return ApiClient.json(response);
    }

    private static byte[] body(ModelUploads form) {
        try (InputStream in = formStream(form)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream formStream(ModelUploads form) {
        return form.stream();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    /** One STORED entry, its bytes right before the central directory, as torch.save writes checkpoints. */
    private static byte[] storedZip(String name, byte[] content) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            var entry = new ZipEntry(name);
            var crc = new CRC32();
            crc.update(content);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
