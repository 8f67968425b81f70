package io.lotabots.platform.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkFormatTest {

    private static final int CHUNK = 64;
    private static final String KEY = "documents/6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11/a/v1";

    private final SecretKey dataKey = key(1);
    private final ChunkFormat.Header header = ChunkFormat.header(CHUNK, UUID.randomUUID());

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 5 * CHUNK + 17})
    void roundTripsWholeAndStreamed(int size) throws IOException {
        byte[] plain = random(size);
        byte[] stored = SealingInputStream.sealAll(plain, header, dataKey, KEY);
        assertEquals(header.storedSize(size), stored.length);
        assertEquals(size, header.plainSize(stored.length, KEY));
        assertArrayEquals(
                stored, new SealingInputStream(new ByteArrayInputStream(plain), header, dataKey, KEY).readAllBytes());
        assertArrayEquals(plain, open(stored));
        assertFalse(containsRun(stored, plain), "no plaintext run in the stored form");
    }

    @Test
    void rangesAcrossChunkBordersReadThePlaintextCoordinates() throws IOException {
        byte[] plain = random(4 * CHUNK + 10);
        byte[] stored = SealingInputStream.sealAll(plain, header, dataKey, KEY);
        int[][] ranges = {
            {0, 1},
            {CHUNK - 1, CHUNK + 1},
            {CHUNK, 2 * CHUNK},
            {5, 4 * CHUNK + 10},
            {4 * CHUNK, 4 * CHUNK + 10},
            {63, 200}
        };
        for (int[] r : ranges) {
            assertArrayEquals(Arrays.copyOfRange(plain, r[0], r[1]), range(stored, r[0], r[1]), r[0] + ".." + r[1]);
        }
    }

    @Test
    void aFlippedByteAnywhereIsDetected() {
        byte[] stored = SealingInputStream.sealAll(random(2 * CHUNK + 5), header, dataKey, KEY);
        for (int at :
                new int[] {ChunkFormat.HEADER_BYTES, ChunkFormat.HEADER_BYTES + CHUNK + 3, stored.length - 1, 6, 20}) {
            byte[] bad = stored.clone();
            bad[at] ^= 1;
            assertThrows(TamperedObjectException.class, () -> open(bad), "flip at " + at);
        }
    }

    @Test
    void swappedChunksAreDetected() {
        byte[] stored = SealingInputStream.sealAll(random(3 * CHUNK), header, dataKey, KEY);
        int sealed = CHUNK + ChunkFormat.TAG_BYTES;
        byte[] bad = stored.clone();
        System.arraycopy(stored, ChunkFormat.HEADER_BYTES, bad, ChunkFormat.HEADER_BYTES + sealed, sealed);
        System.arraycopy(stored, ChunkFormat.HEADER_BYTES + sealed, bad, ChunkFormat.HEADER_BYTES, sealed);
        assertThrows(TamperedObjectException.class, () -> open(bad));
    }

    @Test
    void truncationAtAChunkBorderOrInsideIsDetected() {
        byte[] stored = SealingInputStream.sealAll(random(3 * CHUNK + 7), header, dataKey, KEY);
        int sealed = CHUNK + ChunkFormat.TAG_BYTES;
        for (int length : new int[] {
            ChunkFormat.HEADER_BYTES + 3 * sealed,
            ChunkFormat.HEADER_BYTES + sealed,
            stored.length - 1,
            ChunkFormat.HEADER_BYTES
        }) {
            byte[] cut = Arrays.copyOf(stored, length);
            assertThrows(TamperedObjectException.class, () -> open(cut), "cut to " + length);
        }
        // a range read learns the size from S3: a cut object is refused there too
        byte[] cut = Arrays.copyOf(stored, ChunkFormat.HEADER_BYTES + 2 * sealed);
        assertThrows(TamperedObjectException.class, () -> range(cut, 0, 10));
    }

    @Test
    void bytesAppendedAfterTheLastChunkAreDetected() {
        byte[] stored = SealingInputStream.sealAll(random(CHUNK + 3), header, dataKey, KEY);
        assertThrows(TamperedObjectException.class, () -> open(Arrays.copyOf(stored, stored.length + 1)));
    }

    @Test
    void aChunkSplicedFromAnotherObjectOrReadUnderAnotherKeyIsDetected() {
        byte[] plain = random(2 * CHUNK + 1);
        byte[] stored = SealingInputStream.sealAll(plain, header, dataKey, KEY);
        // same data key and header, other object key: the identity in the additional data differs
        byte[] other = SealingInputStream.sealAll(plain, header, dataKey, KEY + "x");
        byte[] spliced = stored.clone();
        System.arraycopy(
                other, ChunkFormat.HEADER_BYTES, spliced, ChunkFormat.HEADER_BYTES, CHUNK + ChunkFormat.TAG_BYTES);
        assertThrows(TamperedObjectException.class, () -> open(spliced));
        // another object's own data key
        var otherHeader = ChunkFormat.header(CHUNK, UUID.randomUUID());
        byte[] foreign = SealingInputStream.sealAll(plain, otherHeader, key(2), KEY);
        byte[] mixed = stored.clone();
        System.arraycopy(
                foreign, ChunkFormat.HEADER_BYTES, mixed, ChunkFormat.HEADER_BYTES, CHUNK + ChunkFormat.TAG_BYTES);
        assertThrows(TamperedObjectException.class, () -> open(mixed));
        // the whole object moved to another key
        assertThrows(
                TamperedObjectException.class,
                () -> read(OpeningInputStream.whole(tail(stored), header, dataKey, KEY + "/moved")));
    }

    @Test
    void headersOutsideTheBoundsOrWithoutMagicAreRefused() {
        byte[] stored = SealingInputStream.sealAll(random(3), header, dataKey, KEY);
        assertTrue(ChunkFormat.isEncrypted(stored, stored.length));
        assertFalse(ChunkFormat.isEncrypted("{\"json\":1}".getBytes(), 10));
        byte[] huge = stored.clone();
        huge[4] = 0x7f;
        assertThrows(TamperedObjectException.class, () -> ChunkFormat.parse(huge, huge.length, KEY));
        assertThrows(TamperedObjectException.class, () -> ChunkFormat.parse(stored, 10, KEY));
        assertThrows(IllegalArgumentException.class, () -> ChunkFormat.header(8, UUID.randomUUID()));
    }

    private byte[] open(byte[] stored) throws IOException {
        var parsed = ChunkFormat.parse(stored, stored.length, KEY);
        return read(OpeningInputStream.whole(tail(stored), parsed, dataKey, KEY));
    }

    private byte[] range(byte[] stored, long start, long end) throws IOException {
        var parsed = ChunkFormat.parse(stored, stored.length, KEY);
        long from = parsed.chunkOffset(OpeningInputStream.firstChunk(parsed, start));
        long to = Math.min(stored.length, parsed.chunkOffset(OpeningInputStream.lastChunk(parsed, end) + 1));
        var in = new ByteArrayInputStream(stored, (int) from, (int) (to - from));
        return read(OpeningInputStream.range(in, parsed, dataKey, KEY, stored.length, start, end));
    }

    private static InputStream tail(byte[] stored) {
        return new ByteArrayInputStream(stored, ChunkFormat.HEADER_BYTES, stored.length - ChunkFormat.HEADER_BYTES);
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static boolean containsRun(byte[] haystack, byte[] plain) {
        if (plain.length < 8) {
            return false;
        }
        byte[] needle = Arrays.copyOf(plain, 8);
        for (int i = 0; i + 8 <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + 8, needle, 0, 8)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static SecretKey key(int seed) {
        byte[] bytes = new byte[32];
        new Random(seed).nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }
}
