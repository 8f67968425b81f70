package io.lotabots.attestation.model.signing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b.bin", ".gitattributes", "weights:v2", "a b/c", "...", "a/.b"})
    void normalRelativePaths(String path) {
        assertTrue(ModelPaths.isNormalRelative(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "/a", "a/", "a//b", "./a", "a/./b", "a/../b", "../a", "a/..", "a\0b"})
    void pathsThatAreNotNormalRelative(String path) {
        assertFalse(ModelPaths.isNormalRelative(path));
    }

    @Test
    void withinCoversThePathAndWhatIsUnderIt() {
        assertTrue(ModelPaths.within(".git", ".git"));
        assertTrue(ModelPaths.within(".git/objects/ab", ".git"));
        assertFalse(ModelPaths.within(".github", ".git"));
        assertFalse(ModelPaths.within("sub/.git", ".git"));
        assertFalse(ModelPaths.within(".gi", ".git"));
    }
}
