package io.lotabots.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VersionTagTest {

    @Test
    void theTagIsTheVersionAsAStrongTag() {
        assertEquals("\"7\"", VersionTag.of(7));
    }

    @Test
    void ifMatchNamesTheVersionTheClientRead() {
        assertEquals(7L, VersionTag.expected("\"7\""));
        assertEquals(0L, VersionTag.expected(" \"0\" "));
    }

    @Test
    void noHeaderOrAStarAsksForNoCheck() {
        assertNull(VersionTag.expected(null));
        assertNull(VersionTag.expected(""));
        assertNull(VersionTag.expected("*"));
    }

    @Test
    void aWeakTagNeverMatchesBecauseIfMatchComparesStrongly() {
        assertEquals(VersionTag.MATCHES_NOTHING, VersionTag.expected("W/\"7\""));
    }

    @Test
    void anUnquotedOrNonNumericTagMatchesNothing() {
        assertEquals(VersionTag.MATCHES_NOTHING, VersionTag.expected("7"));
        assertEquals(VersionTag.MATCHES_NOTHING, VersionTag.expected("\"abc\""));
        assertEquals(VersionTag.MATCHES_NOTHING, VersionTag.expected("\"-1\""));
        assertEquals(VersionTag.MATCHES_NOTHING, VersionTag.expected("\"\""));
        assertEquals(VersionTag.MATCHES_NOTHING, VersionTag.expected("\"99999999999999999999\""));
    }

    @Test
    void severalTagsMatchNothingBecauseAWriteAcceptsOneVersion() {
        assertEquals(VersionTag.MATCHES_NOTHING, VersionTag.expected("\"1\", \"2\""));
    }
}
