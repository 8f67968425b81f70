package io.lotabots.attestation.model.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelInputTest {

    /** A large virtual source whose byte at i is (byte) i; records every range opened. */
    static final class Counting implements ByteSource {
        final long size;
        final List<long[]> opened = new ArrayList<>();

        Counting(long size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open(long start, long end) {
            opened.add(new long[] {start, end});
            return new InputStream() {
                long at = start;

                @Override
                public int read() {
                    return at < end ? (int) (at++ & 0xFF) : -1;
                }
            };
        }
    }

    @Test
    void readsLittleEndianIntegersAndTracksTheOffset() {
        var in = new ModelInput(new ByteArraySource(new byte[] {1, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0}), "t");

        assertEquals(1, in.u16());
        assertEquals(2, in.u32());
        assertEquals(3, in.u64());
        assertEquals(14, in.position());
        assertTrue(in.atLimit());
    }

    @Test
    void readingPastTheEndIsATruncationNamingTheOffset() {
        var in = new ModelInput(new ByteArraySource(new byte[] {1, 2}), "demo");
        in.u8();

        var e = assertThrows(MalformedModelException.class, in::u16);

        assertEquals("demo.truncated", e.rule());
        assertEquals(1, e.offset());
    }

    @Test
    void pushedLimitsBoundReadsAndPopSkipsTheRest() {
        var in = new ModelInput(new ByteArraySource(new byte[] {1, 2, 3, 4, 5}), "t");
        in.pushLimit(3);
        in.u8();

        assertThrows(MalformedModelException.class, () -> in.bytes("x", 3));
        in.popLimit();
        assertEquals(4, in.u8());
    }

    @Test
    void longSkipsReopenTheSourceInsteadOfReadingThrough() {
        var source = new Counting(100L << 20);
        var in = new ModelInput(source, "t");
        in.u8();
        in.skip(50L << 20);

        assertEquals((50L << 20) + 1 & 0xFF, in.u8());
        assertEquals(2, source.opened.size());
        assertEquals((50L << 20) + 1, source.opened.get(1)[0]);
    }

    @Test
    void eachStreamCoversABoundedRange() {
        var source = new Counting(20L << 20);
        var in = new ModelInput(source, "t");
        in.skip(9L << 20);
        in.u8();

        for (long[] range : source.opened) {
            assertTrue(range[1] - range[0] <= 8L << 20, () -> range[0] + ".." + range[1]);
        }
    }

    @Test
    void rewindStepsBackOverBytesJustRead() {
        var in = new ModelInput(new ByteArraySource(new byte[] {10, 11, 12, 13}), "t");
        in.bytes("x", 3);
        in.rewind(2);

        assertEquals(11, in.u8());
    }

    @Test
    void aSourceShorterThanItsSizeIsAShortRead() {
        ByteSource liar = new ByteSource() {
            @Override
            public long size() {
                return 10;
            }

            @Override
            public InputStream open(long start, long end) {
                return new ByteArrayInputStream(new byte[3]);
            }
        };
        var in = new ModelInput(liar, "t");

        var e = assertThrows(MalformedModelException.class, () -> in.bytes("x", 5));

        assertEquals("file.short-read", e.rule());
    }

    @Test
    void linesEndAtALineFeedAndAreBounded() {
        var in = new ModelInput(new ByteArraySource("os\nsystem\nxxxxxxxx".getBytes()), "p");

        assertArrayEquals("os".getBytes(), in.line("l", 10));
        assertArrayEquals("system".getBytes(), in.line("l", 10));
        assertEquals(
                "p.truncated",
                assertThrows(MalformedModelException.class, () -> in.line("l", 100))
                        .rule());
        var longLine = new ModelInput(new ByteArraySource("abcdef\n".getBytes()), "p");
        assertEquals(
                "p.line-too-long",
                assertThrows(MalformedModelException.class, () -> longLine.line("l", 3))
                        .rule());
    }
}
