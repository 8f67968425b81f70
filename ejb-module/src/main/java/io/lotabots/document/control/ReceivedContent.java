package io.lotabots.document.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * A document's content as it is stored: counted and hashed on the way, and cut off by {@code overLimit}
 * (which throws) as soon as it passes the largest size allowed, before those bytes reach storage.
 */
public final class ReceivedContent extends FilterInputStream {

    private final MessageDigest sha256;
    private final long maxBytes;
    private final LongConsumer overLimit;
    private long size;

    public ReceivedContent(InputStream content, long maxBytes, LongConsumer overLimit) {
        super(content);
        this.maxBytes = maxBytes;
        this.overLimit = overLimit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            size += n;
            if (size > maxBytes) {
                overLimit.accept(maxBytes);
            }
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    public long size() {
        return size;
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
