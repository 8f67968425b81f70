package io.lotabots.attestation.model.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * A run of bytes of known length that can be read from any offset more than once: a model file, a stored zip
 * member (a slice of its archive), a decompressed member. Parsers re-open rather than buffer, so memory stays
 * bounded whatever the size.
 */
public interface ByteSource {

    long size();

    /** Bytes {@code [start, endExclusive)}; the caller closes the stream. */
    InputStream open(long start, long endExclusive) throws IOException;

    default InputStream open() throws IOException {
        return open(0, size());
    }

    default ByteSource slice(long start, long length) {
        return new SliceSource(this, start, length);
    }
}
