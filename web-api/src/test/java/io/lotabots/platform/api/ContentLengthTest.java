package io.lotabots.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentLengthTest {

    @Test
    void lengthsPastTwoGibibytesAreReadWhole() {
        assertEquals(4_294_967_640L, ContentLength.of("4294967640"));
        assertEquals(68_719_476_736L, ContentLength.of(" 68719476736 "));
    }

    @Test
    void noOrNoNumberIsUnknown() {
        assertEquals(-1, ContentLength.of(null));
        assertEquals(-1, ContentLength.of(""));
        assertEquals(-1, ContentLength.of("lots"));
        assertEquals(-1, ContentLength.of("-5"));
        assertEquals(0, ContentLength.of("0"));
    }
}
