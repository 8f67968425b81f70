package io.lotabots.attestation.model.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sequential, bounds-checked reading of a {@link ByteSource} with its absolute offset always known, so every
 * problem names its place. A read past the end (or past a pushed limit, such as a protobuf sub-message or a
 * nested pickle) is a {@link MalformedModelException} with the rule {@code <structure>.truncated}; a source
 * that delivers fewer bytes than it declared is {@code file.short-read}. The source is read in ranges of at most
 * 8 MiB, and long skips re-open it at the new offset, so reading a header costs one small range read and skipping
 * a tensor's gigabytes costs no transfer.
 */
public final class ModelInput implements Closeable {

    private static final int BUFFER = 64 * 1024;
    private static final long REOPEN_AT = 1 << 20;

    /** Each stream covers at most this much, so a parser that stops early never leaves a whole object in flight. */
    private static final long WINDOW = 8 << 20;

    private final ByteSource source;
    private final String structure;
    private final long end;
    private final Deque<Long> limits = new ArrayDeque<>();
    private final byte[] buffer;
    private InputStream in;
    private long streamPosition;
    private long windowEnd;
    private int bufferPos;
    private int bufferLen;
    private long position;

    public ModelInput(ByteSource source, String structure) {
        this(source, 0, source.size(), structure);
    }

    public ModelInput(ByteSource source, long start, long end, String structure) {
        this.source = source;
        this.structure = structure;
        this.end = end;
        this.position = start;
        this.streamPosition = start;
        this.buffer = new byte[(int) Math.max(16, Math.min(BUFFER, end - start))];
    }

    /** Absolute offset of the next byte. */
    public long position() {
        return position;
    }

    /** Bytes left before the innermost limit. */
    public long remaining() {
        return limit() - position;
    }

    public boolean atLimit() {
        return position >= limit();
    }

    public String structure() {
        return structure;
    }

    /** Reads within the next {@code length} bytes only, until {@link #popLimit()}. */
    public void pushLimit(long length) {
        require("nested content", length);
        limits.push(position + length);
    }

    /** Skips what is left before the innermost limit and removes it. */
    public void popLimit() {
        skip(limit() - position);
        limits.pop();
    }

    public int u8() {
        require("byte", 1);
        if (bufferPos == bufferLen) {
            fill();
        }
        position++;
        return buffer[bufferPos++] & 0xFF;
    }

    /** The next byte without consuming it, or -1 at the limit. */
    public int peek() {
        if (atLimit()) {
            return -1;
        }
        if (bufferPos == bufferLen) {
            fill();
        }
        return buffer[bufferPos] & 0xFF;
    }

    public int u16() {
        return (int) littleEndian(2);
    }

    public long u32() {
        return littleEndian(4);
    }

    public int i32() {
        return (int) littleEndian(4);
    }

    /** Eight bytes little-endian as a Java long: callers treat negative values as "beyond 2^63". */
    public long u64() {
        return littleEndian(8);
    }

    public byte[] bytes(String field, int length) {
        require(field, length);
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            if (bufferPos == bufferLen) {
                fill();
            }
            int n = Math.min(length - done, bufferLen - bufferPos);
            System.arraycopy(buffer, bufferPos, out, done, n);
            bufferPos += n;
            done += n;
        }
        position += length;
        return out;
    }

    /** Bytes up to the next line feed (which is consumed, not returned); at most {@code maxLength} before it. */
    public byte[] line(String field, int maxLength) {
        var out = new java.io.ByteArrayOutputStream(Math.min(maxLength, 64));
        while (true) {
            if (atLimit()) {
                throw malformed("truncated", field + " at offset " + position + " has no line end before the end");
            }
            int b = u8();
            if (b == '\n') {
                return out.toByteArray();
            }
            if (out.size() >= maxLength) {
                throw malformed("line-too-long", field + " longer than " + maxLength + " bytes at offset " + position);
            }
            out.write(b);
        }
    }

    public void skip(long length) {
        require("skipped bytes", length);
        long fromBuffer = Math.min(length, bufferLen - bufferPos);
        bufferPos += (int) fromBuffer;
        position += fromBuffer;
        long rest = length - fromBuffer;
        if (rest == 0) {
            return;
        }
        position += rest;
        if (in != null && rest < REOPEN_AT && streamPosition + rest <= windowEnd) {
            discard(rest);
        } else {
            closeStream();
            streamPosition = position;
        }
    }

    /** Steps back over the last {@code length} bytes read (re-reading them from the source if need be). */
    public void rewind(long length) {
        long to = position - length;
        if (length < 0 || to < 0) {
            throw new IllegalArgumentException("cannot rewind " + length + " bytes from " + position);
        }
        long bufferStart = position - bufferPos;
        if (to >= bufferStart) {
            bufferPos = (int) (to - bufferStart);
        } else {
            closeStream();
            streamPosition = to;
        }
        position = to;
    }

    /** Copies the next {@code length} bytes, for members and byte strings handed to another parser. */
    public void copyTo(OutputStream out, long length) throws IOException {
        require("copied bytes", length);
        long left = length;
        while (left > 0) {
            if (bufferPos == bufferLen) {
                fill();
            }
            int n = (int) Math.min(left, bufferLen - bufferPos);
            out.write(buffer, bufferPos, n);
            bufferPos += n;
            position += n;
            left -= n;
        }
    }

    /** Consumes the next {@code length} bytes as a stream (a JSON header, a deflate stream). */
    public InputStream stream(long length) {
        require("content", length);
        long stop = position + length;
        return new InputStream() {
            @Override
            public int read() {
                return position >= stop ? -1 : u8();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= stop) {
                    return -1;
                }
                if (bufferPos == bufferLen) {
                    fill();
                }
                int n = (int) Math.min(Math.min(len, stop - position), bufferLen - bufferPos);
                System.arraycopy(buffer, bufferPos, b, off, n);
                bufferPos += n;
                position += n;
                return n;
            }
        };
    }

    public MalformedModelException malformed(String problem, String detail) {
        return new MalformedModelException(structure + "." + problem, position, detail);
    }

    @Override
    public void close() {
        closeStream();
    }

    private long limit() {
        return limits.isEmpty() ? end : limits.peek();
    }

    private void require(String field, long length) {
        if (length < 0 || length > limit() - position) {
            throw malformed(
                    "truncated",
                    field + " needs " + length + " bytes at offset " + position + " but " + (limit() - position)
                            + " remain");
        }
    }

    private long littleEndian(int width) {
        require("integer", width);
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (long) u8() << (8 * i);
        }
        return value;
    }

    private void fill() {
        try {
            if (in == null || streamPosition >= windowEnd) {
                closeStream();
                windowEnd = Math.min(end, streamPosition + WINDOW);
                in = source.open(streamPosition, windowEnd);
            }
            int want = (int) Math.min(buffer.length, windowEnd - streamPosition);
            int n = want <= 0 ? -1 : in.read(buffer, 0, want);
            if (n <= 0) {
                throw new MalformedModelException(
                        "file.short-read",
                        position,
                        "the content ended at offset " + position + " before its " + "declared end " + end);
            }
            bufferPos = 0;
            bufferLen = n;
            streamPosition += n;
        } catch (IOException e) {
            throw new MalformedModelException(
                    "file.read-error", position, "could not read at offset " + position + ": " + e.getMessage(), e);
        }
    }

    private void discard(long length) {
        try {
            long left = length;
            while (left > 0) {
                long n = in.skip(left);
                if (n <= 0) {
                    if (in.read() < 0) {
                        throw new MalformedModelException(
                                "file.short-read", position, "the content ended before its declared end " + end);
                    }
                    n = 1;
                }
                left -= n;
                streamPosition += n;
            }
        } catch (IOException e) {
            throw new MalformedModelException(
                    "file.read-error", position, "could not read at offset " + position + ": " + e.getMessage(), e);
        }
    }

    private void closeStream() {
        bufferPos = 0;
        bufferLen = 0;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // a failed close of a read stream loses nothing
            }
            in = null;
        }
    }
}
