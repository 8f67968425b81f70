package io.lotabots.subjectrequest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ExportArchiveTest {

    @Test
    void theManifestListsEveryEntryWithItsSizeAndSha256() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var archive = new ExportArchive(
                out, Json.createObjectBuilder().add("subject", "s-1").build())) {
            archive.json("profile.json", "[{\"username\":\"alice\"}]");
            archive.file("files/documents/d/v1-a.txt", new ByteArrayInputStream(new byte[0]));
            archive.bytes("files/models/m/1-model.bin", new byte[] {1, 2, 3});
        }
        Map<String, byte[]> entries = unzip(out.toByteArray());
        JsonObject manifest = Json.createReader(
                        new StringReader(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)))
                .readObject();
        assertEquals("s-1", manifest.getString("subject"));
        var listed = manifest.getJsonArray("entries");
        assertEquals(3, listed.size());
        for (var value : listed) {
            var entry = value.asJsonObject();
            byte[] content = entries.get(entry.getString("path"));
            assertEquals(content.length, entry.getInt("size"));
            assertEquals(
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                    entry.getString("sha256"));
        }
    }

    @Test
    void refusesATwiceUsedPathAndTheManifestsOwnName() throws Exception {
        try (var archive = new ExportArchive(
                new ByteArrayOutputStream(), Json.createObjectBuilder().build())) {
            archive.bytes("a.json", new byte[] {1});
            assertThrows(IllegalArgumentException.class, () -> archive.bytes("a.json", new byte[] {2}));
            assertThrows(IllegalArgumentException.class, () -> archive.bytes("manifest.json", new byte[] {2}));
        }
    }

    @Test
    void fileNamesFromUsersCannotLeaveTheirFolder() {
        assertEquals("passwd", ExportArchive.safeName("../../etc/passwd"));
        assertEquals("x.txt", ExportArchive.safeName("C:\\\\temp\\\\x.txt"));
        assertEquals("_hidden", ExportArchive.safeName(".hidden"));
        assertEquals("content", ExportArchive.safeName(null));
        assertEquals("a_b", ExportArchive.safeName("a\u0000b"));
        assertEquals(100, ExportArchive.safeName("n".repeat(300)).length());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
