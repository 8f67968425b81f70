package io.lotabots.attestation.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceValuesTextTest {

    @Test
    void readsOnePcrALineWithCommaOrSpaceSeparatedDigests() {
        var values = ReferenceValuesText.parse("sha256:0 = aa, bb\n\n  sha256:7=cc dd  \n");

        assertEquals(Map.of("sha256:0", List.of("aa", "bb"), "sha256:7", List.of("cc", "dd")), values);
    }

    @Test
    void aPcrNamedTwiceCollectsBothLines() {
        assertEquals(Map.of("sha1:4", List.of("aa", "bb")), ReferenceValuesText.parse("sha1:4 = aa\nsha1:4 = bb"));
    }

    @Test
    void refusesALineWithoutEqualsNamingIt() {
        var refused = assertThrows(
                IllegalArgumentException.class, () -> ReferenceValuesText.parse("sha256:0 = aa\nsha256:1"));

        assertEquals("line 2 is not 'bank:index = digest, digest': sha256:1", refused.getMessage());
    }

    @Test
    void blankIsNoValues() {
        assertEquals(Map.of(), ReferenceValuesText.parse("  \n"));
        assertEquals(Map.of(), ReferenceValuesText.parse(null));
    }

    @Test
    void formatsWhatItParses() {
        String text = "sha256:0 = aa, bb\nsha256:7 = cc";

        assertEquals(text, ReferenceValuesText.format(ReferenceValuesText.parse(text)));
    }
}
