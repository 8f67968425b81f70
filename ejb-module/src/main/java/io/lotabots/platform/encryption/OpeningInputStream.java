package io.lotabots.platform.encryption;

import java.io.IOException;
import java.io.InputStream;
import javax.crypto.SecretKey;

/**
 * Plaintext read from a stored object's chunks, each authenticated before any of its bytes is handed
 * out. Reads either the whole object (its end found by the short last chunk, nothing may follow) or the
 * chunks of a range of a stored object of known size, from {@code firstChunk} on.
 */
public final class OpeningInputStream extends InputStream {

    private final InputStream sealed;
    private final ChunkFormat.Header header;
    private final ChunkCipher cipher;
    private final String objectKey;
    /** -1: unknown, found by the short chunk */
    private final long lastChunk;

    private final byte[] in;
    private final byte[] plain;
    private long index;
    private int position;
    private int limit;
    private int skip;
    private long remaining;
    private boolean done;

    private OpeningInputStream(
            InputStream sealed,
            ChunkFormat.Header header,
            SecretKey key,
            String objectKey,
            long firstChunk,
            long lastChunk,
            int skip,
            long length) {
        this.sealed = sealed;
        this.header = header;
        this.cipher = new ChunkCipher(header, key, objectKey);
        this.objectKey = objectKey;
        this.lastChunk = lastChunk;
        this.in = new byte[header.chunkSize() + ChunkFormat.TAG_BYTES];
        this.plain = new byte[header.chunkSize()];
        this.index = firstChunk;
        this.skip = skip;
        this.remaining = length;
    }

    /** The whole object; {@code sealed} is positioned right after the header. */
    public static OpeningInputStream whole(
            InputStream sealed, ChunkFormat.Header header, SecretKey key, String objectKey) {
        return new OpeningInputStream(sealed, header, key, objectKey, 0, -1, 0, Long.MAX_VALUE);
    }

    /**
     * Plaintext bytes {@code [start, endExclusive)} of an object of {@code storedSize} bytes; {@code sealed}
     * starts at {@link #firstChunk}'s offset ({@link ChunkFormat.Header#chunkOffset}).
     */
    public static OpeningInputStream range(
            InputStream sealed,
            ChunkFormat.Header header,
            SecretKey key,
            String objectKey,
            long storedSize,
            long start,
            long endExclusive) {
        long chunks = header.chunks(header.plainSize(storedSize, objectKey));
        long first = firstChunk(header, start);
        return new OpeningInputStream(
                sealed,
                header,
                key,
                objectKey,
                first,
                chunks - 1,
                Math.toIntExact(start - first * header.chunkSize()),
                endExclusive - start);
    }

    public static long firstChunk(ChunkFormat.Header header, long start) {
        return start / header.chunkSize();
    }

    /** The index of the chunk holding the byte before {@code endExclusive} (> 0). */
    public static long lastChunk(ChunkFormat.Header header, long endExclusive) {
        return (endExclusive - 1) / header.chunkSize();
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
        if (remaining == 0) {
            return -1;
        }
        while (position == limit) {
            if (done || !nextChunk()) {
                return -1;
            }
        }
        int n = (int) Math.min(Math.min(len, limit - position), remaining);
        System.arraycopy(plain, position, b, off, n);
        position += n;
        remaining -= n;
        return n;
    }

    private boolean nextChunk() throws IOException {
        int n = sealed.readNBytes(in, 0, in.length);
        boolean last;
        if (lastChunk < 0) {
            last = n < in.length;
        } else {
            if (index > lastChunk) {
                return false;
            }
            last = index == lastChunk;
            if (!last && n < in.length) {
                throw new TamperedObjectException(objectKey, "truncated in chunk " + index);
            }
        }
        if (n < ChunkFormat.TAG_BYTES) {
            throw new TamperedObjectException(objectKey, "truncated at chunk " + index);
        }
        limit = cipher.open(index, last, in, 0, n, plain, 0);
        if (last && lastChunk < 0 && sealed.read() >= 0) {
            throw new TamperedObjectException(objectKey, "bytes after the last chunk");
        }
        index++;
        done = last;
        position = Math.min(skip, limit);
        skip -= position;
        return true;
    }

    @Override
    public void close() throws IOException {
        sealed.close();
    }
}
