package io.lotabots.model.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArchiveReaderTest {

    /** What the reader handed on, by path: the bytes each entry store read. */
    private final Map<String, byte[]> stored = new LinkedHashMap<>();

    private List<ReceivedFile> read(byte[] zip) throws IOException {
        return new ArchiveReader(100, 1 << 20).read(new ByteArrayInputStream(zip), this::store);
    }

    private ReceivedFile store(String path, int ordinal, InputStream content) throws IOException {
        var digesting = new DigestingStream(content, bytes -> {});
        byte[] bytes = digesting.readAllBytes();
        stored.put(path, bytes);
        return digesting.received(path, "key/" + ordinal);
    }

    @Test
    void everyRegularEntryIsStoredWithItsOwnDigestAndDirectoriesAreNot() throws Exception {
        byte[] weights = new byte[300_000];
        new Random(7).nextBytes(weights);
        byte[] zip = ZipBytes.archive()
                .entry("config.json", "{\"a\":1}")
                .entry("tokenizer/", new byte[0])
                .entry("tokenizer/tokenizer.json", "{}")
                .entry("model.safetensors", weights)
                .bytes();

        var files = read(zip);

        assertEquals(
                List.of("config.json", "tokenizer/tokenizer.json", "model.safetensors"),
                files.stream().map(ReceivedFile::path).toList());
        assertArrayEquals(weights, stored.get("model.safetensors"));
        assertEquals(sha256(weights), files.get(2).sha256());
        assertEquals(weights.length, files.get(2).size());
        assertEquals("key/2", files.get(2).objectKey());
        assertFalse(files.get(0).symlink());
    }

    @Test
    void storedEntriesAsTorchWritesThemAreReadToo() throws Exception {
        var files = read(ZipBytes.archive()
                .stored()
                .entry("archive/data.pkl", "\u0080\u0002}q\u0000.")
                .bytes());

        assertEquals(1, files.size());
        assertEquals("archive/data.pkl", files.get(0).path());
    }

    @Test
    void anEntryTheCentralDirectoryMarksAsASymlinkIsFlagged() throws Exception {
        byte[] zip = ZipBytes.archive()
                .entry("real.bin", "data")
                .entry("link.bin", "real.bin")
                .bytes();

        var files = read(ZipBytes.withSymlink(zip, "link.bin"));

        assertFalse(files.get(0).symlink());
        assertTrue(files.get(1).symlink());
        assertEquals("real.bin", new String(stored.get("link.bin"), StandardCharsets.UTF_8));
    }

    @Test
    void entryNamesThatEscapeOrAreAmbiguousAreRefusedNamingTheEntry() {
        for (String bad : List.of("/etc/passwd", "../evil.pkl", "a/../../b", "dir\\file", "C:/x", "a//b", "./a")) {
            byte[] zip =
                    ZipBytes.archive().entry("ok.txt", "fine").entry(bad, "x").bytes();

            var refused = assertThrows(MalformedArchiveException.class, () -> read(zip), bad);

            assertEquals(bad, refused.entry());
        }
    }

    @Test
    void aDuplicateEntryIsRefused() {
        byte[] zip = ZipBytes.archive().entry("a.bin", "1").entry("b.bin", "2").bytes();
        byte[] duplicate = ZipBytes.withCentralName(ZipBytes.withLocalName(zip, "b.bin", "a.bin"), "b.bin", "a.bin");

        var refused = assertThrows(MalformedArchiveException.class, () -> read(duplicate));

        assertEquals("a.bin", refused.entry());
        assertTrue(refused.getMessage().contains("twice"), refused.getMessage());
    }

    @Test
    void aFileThatIsAlsoADirectoryIsRefused() {
        byte[] zip = ZipBytes.archive()
                .entry("weights", "1")
                .entry("weights/shard-0", "2")
                .bytes();

        var refused = assertThrows(MalformedArchiveException.class, () -> read(zip));

        assertEquals("weights/shard-0", refused.entry());
    }

    @Test
    void namesThatDifferBetweenLocalHeadersAndTheCentralDirectoryAreRefused() {
        byte[] zip =
                ZipBytes.archive().entry("data.pkl", "x").entry("safe.txt", "y").bytes();

        var refused = assertThrows(
                MalformedArchiveException.class, () -> read(ZipBytes.withCentralName(zip, "safe.txt", "evil.txt")));

        assertTrue(refused.getMessage().contains("central directory"), refused.getMessage());
    }

    @Test
    void moreFilesThanAModelMayHaveAreRefused() {
        var archive = ZipBytes.archive();
        for (int i = 0; i < 4; i++) {
            archive.entry("f" + i, "x");
        }

        var refused = assertThrows(MalformedArchiveException.class, () -> new ArchiveReader(3, 1 << 20)
                .read(new ByteArrayInputStream(archive.bytes()), this::store));

        assertEquals("f3", refused.entry());
    }

    @Test
    void aCorruptedEntryIsRefusedNamingIt() {
        byte[] zip =
                ZipBytes.archive().stored().entry("weights.bin", "0123456789").bytes();
        byte[] corrupt = zip.clone();
        int data = indexOf(corrupt, "0123456789".getBytes(StandardCharsets.US_ASCII));
        corrupt[data] = 'X';

        var refused = assertThrows(MalformedArchiveException.class, () -> read(corrupt));

        assertEquals("weights.bin", refused.entry());
    }

    @Test
    void anEmptyArchiveAndBytesThatAreNoArchiveAreRefused() {
        assertThrows(
                MalformedArchiveException.class, () -> read(ZipBytes.archive().bytes()));
        assertThrows(MalformedArchiveException.class, () -> read("not a zip at all".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytesAfterTheEndRecordAreRefused() {
        byte[] zip = ZipBytes.archive().entry("a", "1").bytes();
        byte[] trailing = java.util.Arrays.copyOf(zip, zip.length + 5);

        assertThrows(MalformedArchiveException.class, () -> read(trailing));
    }

    @Test
    void aCentralDirectoryLargerThanTheBytesKeptForItIsRefused() {
        var archive = ZipBytes.archive();
        for (int i = 0; i < 50; i++) {
            archive.entry("file-with-a-long-name-" + i, "x");
        }

        var refused = assertThrows(MalformedArchiveException.class, () -> new ArchiveReader(100, 512)
                .read(new ByteArrayInputStream(archive.bytes()), this::store));

        assertTrue(refused.getMessage().contains("larger than"), refused.getMessage());
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

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
