package io.lotabots.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.lotabots.platform.http.ByteRanges.Partial;
import io.lotabots.platform.http.ByteRanges.Range;
import io.lotabots.platform.http.ByteRanges.Unsatisfiable;
import io.lotabots.platform.http.ByteRanges.Whole;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteRangesTest {

    @Test
    void noHeaderOrAnotherUnitMeansTheWhole() {
        assertInstanceOf(Whole.class, ByteRanges.resolve(null, 10));
        assertInstanceOf(Whole.class, ByteRanges.resolve("", 10));
        assertInstanceOf(Whole.class, ByteRanges.resolve("items=0-1", 10));
    }

    @Test
    void aClosedRangeIsCutAtTheEnd() {
        assertEquals(new Partial(List.of(new Range(2, 5))), ByteRanges.resolve("bytes=2-4", 10));
        assertEquals(new Partial(List.of(new Range(8, 10))), ByteRanges.resolve("bytes=8-100", 10));
    }

    @Test
    void openAndSuffixRanges() {
        assertEquals(new Partial(List.of(new Range(7, 10))), ByteRanges.resolve("bytes=7-", 10));
        assertEquals(new Partial(List.of(new Range(7, 10))), ByteRanges.resolve("bytes=-3", 10));
        assertEquals(new Partial(List.of(new Range(0, 10))), ByteRanges.resolve("bytes=-30", 10));
    }

    @Test
    void severalRangesKeepTheirOrderAndUnsatisfiableOnesAreDropped() {
        assertEquals(
                new Partial(List.of(new Range(5, 6), new Range(0, 2))),
                ByteRanges.resolve("bytes=5-5, 0-1, 20-30", 10));
    }

    @Test
    void rangesBeyondTheEndAreUnsatisfiable() {
        assertInstanceOf(Unsatisfiable.class, ByteRanges.resolve("bytes=10-", 10));
        assertInstanceOf(Unsatisfiable.class, ByteRanges.resolve("bytes=0-0", 0));
        assertInstanceOf(Unsatisfiable.class, ByteRanges.resolve("bytes=-0", 10));
        assertInstanceOf(Unsatisfiable.class, ByteRanges.resolve("bytes=-5", 0));
    }

    @Test
    void malformedHeadersAreIgnoredAsTheRfcSays() {
        assertInstanceOf(Whole.class, ByteRanges.resolve("bytes=5-2", 10));
        assertInstanceOf(Whole.class, ByteRanges.resolve("bytes=a-b", 10));
        assertInstanceOf(Whole.class, ByteRanges.resolve("bytes=1", 10));
        assertInstanceOf(Whole.class, ByteRanges.resolve("bytes=99999999999999999999-", 10));
        assertInstanceOf(Whole.class, ByteRanges.resolve("bytes=" + "0-0,".repeat(20) + "0-0", 10));
    }

    @Test
    void contentRangeNamesTheInclusiveEnd() {
        assertEquals("bytes 2-4/10", new Range(2, 5).contentRange(10));
    }
}
