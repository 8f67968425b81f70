package io.lotabots.attestation.model.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Bytes already in memory: small decompressed members, nested byte strings, and the tests. */
public final class ByteArraySource implements ByteSource {

    private final byte[] bytes;
    private final int length;

    public ByteArraySource(byte[] bytes) {
        this(bytes, bytes.length);
    }

    ByteArraySource(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public InputStream open(long start, long endExclusive) {
        if (start < 0 || endExclusive < start || endExclusive > length) {
            throw new IllegalArgumentException("range [" + start + ", " + endExclusive + ") outside " + length);
        }
        return new ByteArrayInputStream(bytes, (int) start, (int) (endExclusive - start));
    }
}
