package io.lotabots.platform.api;

import io.lotabots.platform.api.problem.PayloadTooLarge;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through until the limit, then fails with {@link PayloadTooLarge}. */
final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance(skipped);
        return skipped;
    }

    private void advance(long n) {
        count += n;
        if (count > limit) {
            throw PayloadTooLarge.refusal(limit);
        }
    }
}
