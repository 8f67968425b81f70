package io.lotabots.platform.encryption;

import java.io.IOException;
import java.io.InputStream;
import javax.crypto.SecretKey;

/**
 * The stored form of a plaintext stream, produced as it is read: the header, then each chunk sealed as
 * soon as its plaintext is in, so a stream of any size holds one chunk in memory.
 */
public final class SealingInputStream extends InputStream {

    private final InputStream plain;
    private final ChunkFormat.Header header;
    private final ChunkCipher cipher;
    private final byte[] plainChunk;
    private byte[] sealed;
    private int position;
    private int limit;
    private long index;
    private long plainBytes;
    private boolean sealedLast;

    public SealingInputStream(InputStream plain, ChunkFormat.Header header, SecretKey key, String objectKey) {
        this.plain = plain;
        this.header = header;
        this.cipher = new ChunkCipher(header, key, objectKey);
        this.plainChunk = new byte[header.chunkSize()];
        this.sealed = header.bytes();
        this.limit = sealed.length;
    }

    /** The whole stored form of {@code plain} in one array. */
    public static byte[] sealAll(byte[] plain, ChunkFormat.Header header, SecretKey key, String objectKey) {
        var cipher = new ChunkCipher(header, key, objectKey);
        byte[] out = new byte[Math.toIntExact(header.storedSize(plain.length))];
        System.arraycopy(header.bytes(), 0, out, 0, ChunkFormat.HEADER_BYTES);
        int at = ChunkFormat.HEADER_BYTES;
        long chunks = header.chunks(plain.length);
        for (long i = 0; i < chunks; i++) {
            int from = Math.toIntExact(i * header.chunkSize());
            int length = Math.min(header.chunkSize(), plain.length - from);
            at += cipher.seal(i, i == chunks - 1, plain, from, length, out, at);
        }
        return out;
    }

    /** Plaintext bytes read so far. */
    public long plainBytes() {
        return plainBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == limit && !nextChunk()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(sealed, position, b, off, n);
        position += n;
        return n;
    }

    private boolean nextChunk() throws IOException {
        if (sealedLast) {
            return false;
        }
        int n = plain.readNBytes(plainChunk, 0, plainChunk.length);
        boolean last = n < plainChunk.length;
        if (sealed.length < n + ChunkFormat.TAG_BYTES) {
            sealed = new byte[plainChunk.length + ChunkFormat.TAG_BYTES];
        }
        limit = cipher.seal(index++, last, plainChunk, 0, n, sealed, 0);
        position = 0;
        plainBytes += n;
        sealedLast = last;
        return true;
    }

    @Override
    public void close() throws IOException {
        plain.close();
    }
}
