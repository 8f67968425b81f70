package io.lotabots.platform.storage;

/**
 * The memory one streamed upload holds while it sends a part: made once per upload by {@link
 * ObjectStore#partBuffer()} and reused for every object and part of it, so an upload of any size, or of
 * thousands of small files, allocates one buffer, and a second one the first time an object needs a
 * multipart upload (one part is sent while the next is read).
 */
public final class PartBuffer {

    /** S3 refuses parts smaller than this, except the last. */
    static final int MIN_PART_BYTES = 5 * 1024 * 1024;

    /** S3's most parts per object. */
    static final int MAX_PARTS = 10_000;

    final byte[] bytes;
    private byte[] spare;

    PartBuffer(int size) {
        this.bytes = new byte[size];
    }

    /** The second buffer, of the same size, made on first use. */
    byte[] spare() {
        if (spare == null) {
            spare = new byte[bytes.length];
        }
        return spare;
    }

    /** The largest object a streamed upload through this buffer can store. */
    public long maxObjectBytes() {
        return (long) bytes.length * MAX_PARTS;
    }
}
