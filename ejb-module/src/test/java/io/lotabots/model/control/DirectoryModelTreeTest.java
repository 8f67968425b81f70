package io.lotabots.model.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryModelTreeTest {

    @TempDir
    Path folder;

    @Test
    void listsEveryFileBelowTheFolderSortedWithSizeAndDigest() throws Exception {
        Files.writeString(folder.resolve("config.json"), "{}");
        Files.createDirectories(folder.resolve("tokenizer"));
        Files.write(folder.resolve("tokenizer/vocab.txt"), new byte[] {1, 2, 3});
        Files.createDirectories(folder.resolve("empty"));

        List<ModelFile> files = new DirectoryModelTree(folder).files();

        assertEquals(
                List.of("config.json", "tokenizer/vocab.txt"),
                files.stream().map(ModelFile::path).toList());
        assertEquals(3, files.get(1).size());
        assertEquals(sha256(new byte[] {1, 2, 3}), files.get(1).sha256());
        assertEquals(false, files.get(1).symlink());
    }

    @Test
    void aSymbolicLinkIsAnEntryWhoseBytesAreItsTargetAndIsNeverFollowed() throws Exception {
        Files.writeString(folder.resolve("real.bin"), "payload");
        Files.createSymbolicLink(folder.resolve("link.bin"), Path.of("/etc/hostname"));

        var tree = new DirectoryModelTree(folder);
        ModelFile link = tree.files().get(0);

        assertEquals("link.bin", link.path());
        assertTrue(link.symlink());
        assertEquals("/etc/hostname".length(), link.size());
        try (InputStream in = tree.open("link.bin")) {
            assertEquals("/etc/hostname", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void rangeReadsReturnExactlyTheRange() throws Exception {
        Files.write(folder.resolve("w.bin"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
        var tree = new DirectoryModelTree(folder);

        try (InputStream in = tree.open("w.bin", 2, 5)) {
            assertArrayEquals(new byte[] {2, 3, 4}, in.readAllBytes());
        }
        assertThrows(IllegalArgumentException.class, () -> tree.open("w.bin", 4, 9));
    }

    @Test
    void aSingleFileIsATreeOfThatFile() throws Exception {
        Path file = folder.resolve("model.safetensors");
        Files.write(file, new byte[] {9, 9});

        var tree = new DirectoryModelTree(file);

        assertEquals(
                List.of("model.safetensors"),
                tree.files().stream().map(ModelFile::path).toList());
        try (InputStream in = tree.open("model.safetensors")) {
            assertArrayEquals(new byte[] {9, 9}, in.readAllBytes());
        }
    }

    @Test
    void pathsOutsideTheTreeAreNotFiles() throws Exception {
        Files.writeString(folder.resolve("a.txt"), "a");
        var tree = new DirectoryModelTree(folder);

        assertThrows(FileNotFoundException.class, () -> tree.open("../a.txt"));
        assertThrows(FileNotFoundException.class, () -> tree.open("b.txt"));
        assertThrows(IllegalArgumentException.class, () -> new DirectoryModelTree(folder.resolve("missing")));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
