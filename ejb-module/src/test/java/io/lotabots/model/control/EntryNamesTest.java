package io.lotabots.model.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryNamesTest {

    @Test
    void relativeSlashSeparatedNamesAreFine() {
        for (String good :
                List.of("model.safetensors", "tokenizer/tokenizer.json", "a/b/c.d", "dir/", "..hidden", "a..b")) {
            assertEquals(Optional.empty(), EntryNames.problem(good), good);
        }
    }

    @Test
    void everyWayOutOfTheModelOrIntoAmbiguityIsNamed() {
        assertTrue(EntryNames.problem("").orElseThrow().contains("empty"));
        assertTrue(EntryNames.problem("/abs").orElseThrow().contains("absolute"));
        assertTrue(EntryNames.problem("C:/windows").orElseThrow().contains("drive"));
        assertTrue(EntryNames.problem("a\\b").orElseThrow().contains("backslash"));
        assertTrue(EntryNames.problem("../x").orElseThrow().contains(".."));
        assertTrue(EntryNames.problem("a/..").orElseThrow().contains(".."));
        assertTrue(EntryNames.problem("a//b").orElseThrow().contains("empty"));
        assertTrue(EntryNames.problem("./a").orElseThrow().contains("'.'"));
        assertTrue(EntryNames.problem("a\u0000b").orElseThrow().contains("control"));
        assertTrue(EntryNames.problem("a\nb").orElseThrow().contains("control"));
        assertTrue(EntryNames.problem("x".repeat(1025)).orElseThrow().contains("1024"));
    }

    @Test
    void aPathIsOneFileOnlyAndNeverBothFileAndDirectory() {
        var names = new EntryNames();

        assertEquals(Optional.empty(), names.addFile("a/b"));
        assertTrue(names.addFile("a/b").orElseThrow().contains("twice"));
        assertTrue(names.addFile("a").orElseThrow().contains("both"));
        assertTrue(names.addFile("a/b/c").orElseThrow().contains("a/b"));
        assertTrue(names.addDirectory("a/b").orElseThrow().contains("both"));
        assertEquals(Optional.empty(), names.addDirectory("a"));
    }
}
