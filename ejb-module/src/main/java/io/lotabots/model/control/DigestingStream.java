package io.lotabots.model.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file's bytes on their way to storage: their SHA-256, count and first bytes are taken as they pass,
 * so the file is read once, and every chunk is announced to a {@link ByteAllowance} before the reader sees
 * it (limits and quota are enforced before the bytes can be stored).
 */
public final class DigestingStream extends FilterInputStream {

    private final MessageDigest sha256;
    private final ByteAllowance allowance;
    private final byte[] head = new byte[ModelFormatSniffer.HEAD_BYTES];
    private long size;

    public DigestingStream(InputStream in, ByteAllowance allowance) {
        super(in);
        this.allowance = allowance;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            allowance.received(n);
            if (size < head.length) {
                System.arraycopy(buffer, offset, head, (int) size, (int) Math.min(n, head.length - size));
            }
            sha256.update(buffer, offset, n);
            size += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        // every byte is digested: nothing is skipped
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The file as received so far (call once the stream is exhausted). */
    public ReceivedFile received(String path, String objectKey) {
        return new ReceivedFile(
                path,
                size,
                HexFormat.of().formatHex(sha256.digest()),
                ModelFormatSniffer.sniff(head, (int) Math.min(size, head.length)),
                objectKey,
                false);
    }
}
