package io.lotabots.attestation.model.source;

import java.io.IOException;
import java.io.InputStream;

/** Part of another source, such as a stored archive member, read in place without copying. */
final class SliceSource implements ByteSource {

    private final ByteSource parent;
    private final long start;
    private final long length;

    SliceSource(ByteSource parent, long start, long length) {
        if (start < 0 || length < 0 || start > parent.size() - length) {
            throw new IllegalArgumentException(
                    "slice [" + start + ", +" + length + ") outside a source of " + parent.size() + " bytes");
        }
        this.parent = parent;
        this.start = start;
        this.length = length;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public InputStream open(long from, long endExclusive) throws IOException {
        if (from < 0 || endExclusive < from || endExclusive > length) {
            throw new IllegalArgumentException("range [" + from + ", " + endExclusive + ") outside " + length);
        }
        return parent.open(start + from, start + endExclusive);
    }
}
