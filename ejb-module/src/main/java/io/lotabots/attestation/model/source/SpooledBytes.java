package io.lotabots.attestation.model.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes produced while scanning (a decompressed archive member, a nested byte string) kept so that the parsers
 * can read them like any other source: in memory while small, in a temporary file beyond that, so a large member
 * never costs heap. Closing deletes the file.
 */
public final class SpooledBytes extends OutputStream implements ByteSource, Closeable {

    /** Members up to this size stay in memory; a torch {@code data.pkl} or a config file always does. */
    static final int MEMORY_LIMIT = 4 << 20;

    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private byte[] kept;
    private long size;
    private boolean finished;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IllegalStateException("spool already finished");
        }
        if (memory != null && memory.size() + (long) len > MEMORY_LIMIT) {
            file = Files.createTempFile("lotabots-scan-", ".bin");
            fileOut = Files.newOutputStream(file, StandardOpenOption.WRITE);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (memory != null) {
            memory.write(b, off, len);
        } else {
            fileOut.write(b, off, len);
        }
        size += len;
    }

    /** Ends writing; from now on the bytes are read, never changed. */
    public SpooledBytes finish() throws IOException {
        if (!finished) {
            finished = true;
            if (fileOut != null) {
                fileOut.close();
            } else {
                kept = memory.toByteArray();
                memory = null;
            }
        }
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open(long start, long endExclusive) throws IOException {
        if (!finished) {
            throw new IllegalStateException("spool not finished");
        }
        if (start < 0 || endExclusive < start || endExclusive > size) {
            throw new IllegalArgumentException("range [" + start + ", " + endExclusive + ") outside " + size);
        }
        if (kept != null) {
            return new ByteArrayInputStream(kept, (int) start, (int) (endExclusive - start));
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(start);
        return new BoundedInputStream(Channels.newInputStream(channel), endExclusive - start);
    }

    @Override
    public void close() throws IOException {
        finished = true;
        if (fileOut != null) {
            fileOut.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
        memory = null;
        kept = null;
    }
}
