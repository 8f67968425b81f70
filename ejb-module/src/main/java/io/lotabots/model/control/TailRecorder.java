package io.lotabots.model.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through and keeps its last bytes, up to a fixed capacity, and how many bytes passed:
 * a zip archive read front to back ends with the central directory, which is where the entries' Unix
 * modes (symbolic links) are, so it is kept without holding the archive.
 */
public final class TailRecorder extends FilterInputStream {

    private final byte[] ring;
    private long total;

    public TailRecorder(InputStream in, int capacity) {
        super(in);
        this.ring = new byte[capacity];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            ring[(int) (total % ring.length)] = (byte) b;
            total++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int done = 0; done < n; ) {
            int at = (int) ((total + done) % ring.length);
            int chunk = Math.min(n - done, ring.length - at);
            System.arraycopy(buffer, offset + done, ring, at, chunk);
            done += chunk;
        }
        if (n > 0) {
            total += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must pass through the ring
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        int read = read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads the rest of the stream, keeping its tail. */
    public void drain() throws IOException {
        byte[] scratch = new byte[8192];
        while (read(scratch, 0, scratch.length) >= 0) {
            // only the ring keeps what passes
        }
    }

    /** How many bytes passed. */
    public long total() {
        return total;
    }

    /** The last {@code min(total, capacity)} bytes, oldest first. */
    public byte[] tail() {
        int length = (int) Math.min(total, ring.length);
        byte[] tail = new byte[length];
        int start = (int) ((total - length) % ring.length);
        int first = Math.min(length, ring.length - start);
        System.arraycopy(ring, start, tail, 0, first);
        System.arraycopy(ring, 0, tail, first, length - first);
        return tail;
    }
}
