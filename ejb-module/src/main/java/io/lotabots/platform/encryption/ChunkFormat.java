package io.lotabots.platform.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The layout of an encrypted object. A 24-byte header (magic {@code LBE1}, the chunk size, the data key's
 * id), then the plaintext in chunks of {@code chunkSize} bytes, each sealed with AES-256-GCM (16-byte tag)
 * under a nonce made of its index. Every chunk is full except the last, which is shorter (possibly empty),
 * so an object always ends in a short chunk and a cut at a chunk border is seen. Each chunk's additional
 * data binds the header, the object's key, the chunk's index and whether it is the last one, so a
 * flipped byte, swapped chunks, a truncated object or a chunk spliced from another object fails its tag.
 */
public final class ChunkFormat {

    static final byte[] MAGIC = {'L', 'B', 'E', '1'};
    public static final int HEADER_BYTES = 24;
    public static final int TAG_BYTES = 16;
    static final int NONCE_BYTES = 12;
    public static final int MIN_CHUNK = 16;
    /** Bounds the memory a header can make a reader allocate. */
    public static final int MAX_CHUNK = 16 * 1024 * 1024;

    private ChunkFormat() {}

    /** Whether {@code start} begins with the magic of an encrypted object. */
    public static boolean isEncrypted(byte[] start, int length) {
        return length >= MAGIC.length && Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The header of a new object. */
    public static Header header(int chunkSize, UUID dataKeyId) {
        checkChunkSize(chunkSize);
        return new Header(chunkSize, dataKeyId);
    }

    /** Reads a header; a damaged one is a {@link TamperedObjectException}. */
    public static Header parse(byte[] bytes, int length, String objectKey) {
        if (length < HEADER_BYTES || !isEncrypted(bytes, length)) {
            throw new TamperedObjectException(objectKey, "no encryption header");
        }
        var buffer = ByteBuffer.wrap(bytes, 0, HEADER_BYTES);
        buffer.position(MAGIC.length);
        int chunkSize = buffer.getInt();
        if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) {
            throw new TamperedObjectException(objectKey, "chunk size " + chunkSize + " out of bounds");
        }
        return new Header(chunkSize, new UUID(buffer.getLong(), buffer.getLong()));
    }

    static void checkChunkSize(int chunkSize) {
        if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) {
            throw new IllegalArgumentException(
                    "chunk size " + chunkSize + " is not in [" + MIN_CHUNK + ", " + MAX_CHUNK + "]");
        }
    }

    /** The header's fields; also what derives nonces, additional data and the size arithmetic. */
    public record Header(int chunkSize, UUID dataKeyId) {

        public byte[] bytes() {
            return ByteBuffer.allocate(HEADER_BYTES)
                    .put(MAGIC)
                    .putInt(chunkSize)
                    .putLong(dataKeyId.getMostSignificantBits())
                    .putLong(dataKeyId.getLeastSignificantBits())
                    .array();
        }

        /** Sealed bytes of one full chunk. */
        public long sealedChunk() {
            return (long) chunkSize + TAG_BYTES;
        }

        /** The stored size of a plaintext of {@code plainSize} bytes. */
        public long storedSize(long plainSize) {
            return HEADER_BYTES + (plainSize / chunkSize + 1) * TAG_BYTES + plainSize;
        }

        /** The plaintext size of a stored object of {@code storedSize} bytes; a size no object has is tampering. */
        public long plainSize(long storedSize, String objectKey) {
            long body = storedSize - HEADER_BYTES;
            long last = body % sealedChunk();
            if (body < TAG_BYTES || last < TAG_BYTES) {
                throw new TamperedObjectException(objectKey, "truncated");
            }
            return body / sealedChunk() * chunkSize + last - TAG_BYTES;
        }

        /** How many chunks a plaintext of {@code plainSize} bytes makes (the last one short, maybe empty). */
        public long chunks(long plainSize) {
            return plainSize / chunkSize + 1;
        }

        /** Where chunk {@code index} starts in the stored object. */
        public long chunkOffset(long index) {
            return HEADER_BYTES + index * sealedChunk();
        }

        byte[] nonce(long index) {
            return ByteBuffer.allocate(NONCE_BYTES).putInt(0).putLong(index).array();
        }

        /** Header, chunk index, last-chunk flag and the object's key: what each chunk's tag covers. */
        byte[] additionalData(String objectKey, long index, boolean last) {
            byte[] key = objectKey.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(HEADER_BYTES + Long.BYTES + 1 + key.length)
                    .put(bytes())
                    .putLong(index)
                    .put((byte) (last ? 1 : 0))
                    .put(key)
                    .array();
        }
    }
}
