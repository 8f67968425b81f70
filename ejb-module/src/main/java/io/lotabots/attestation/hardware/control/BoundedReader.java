package io.lotabots.attestation.hardware.control;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads fixed-size fields from a byte array, checking the bounds before every read. Big-endian for
 * marshalled TPM structures, little-endian for the TCG event log and the tpm2-tools struct dumps.
 * Every failure is a {@link MalformedEvidenceException} naming the structure and the field.
 */
public final class BoundedReader {

    private final byte[] bytes;
    private final String structure;
    private final boolean bigEndian;
    private int position;

    private BoundedReader(byte[] bytes, String structure, ByteOrder order) {
        if (bytes == null) {
            throw new MalformedEvidenceException(structure + ": no bytes");
        }
        this.bytes = bytes;
        this.structure = structure;
        this.bigEndian = order == ByteOrder.BIG_ENDIAN;
    }

    /** A reader of marshalled (big-endian) TPM structures. */
    public static BoundedReader bigEndian(byte[] bytes, String structure) {
        return new BoundedReader(bytes, structure, ByteOrder.BIG_ENDIAN);
    }

    /** A reader of little-endian structures (event log, tpm2-tools serialized PCR file). */
    public static BoundedReader littleEndian(byte[] bytes, String structure) {
        return new BoundedReader(bytes, structure, ByteOrder.LITTLE_ENDIAN);
    }

    public String structure() {
        return structure;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return bytes.length - position;
    }

    public int u8(String field) {
        require(1, field);
        return bytes[position++] & 0xFF;
    }

    public int u16(String field) {
        return (int) unsigned(2, field);
    }

    public long u32(String field) {
        return unsigned(4, field);
    }

    /** An unsigned 64-bit value; values above {@code Long.MAX_VALUE} come back negative, as Java stores them. */
    public long u64(String field) {
        return unsigned(8, field);
    }

    public byte[] bytes(long length, String field) {
        if (length < 0 || length > remaining()) {
            throw malformed(field + " length " + length + " exceeds remaining " + remaining() + " bytes");
        }
        var out = Arrays.copyOfRange(bytes, position, position + (int) length);
        position += (int) length;
        return out;
    }

    /** A TPM2B: a u16 size, then that many bytes, at most {@code maxSize}. */
    public byte[] sized(String field, int maxSize) {
        int size = u16(field + " size");
        if (size > maxSize) {
            throw malformed(field + " size " + size + " exceeds the maximum of " + maxSize);
        }
        return bytes(size, field);
    }

    public void skip(long length, String field) {
        bytes(length, field);
    }

    /** Fails unless every byte was read: trailing bytes are a sign of a forged or mislabelled structure. */
    public void expectEnd() {
        if (remaining() != 0) {
            throw malformed(remaining() + " trailing bytes after offset " + position);
        }
    }

    public MalformedEvidenceException malformed(String problem) {
        return new MalformedEvidenceException(structure + ": " + problem);
    }

    private long unsigned(int width, String field) {
        require(width, field);
        long value = 0;
        for (int i = 0; i < width; i++) {
            int b = bytes[position + (bigEndian ? i : width - 1 - i)] & 0xFF;
            value = (value << 8) | b;
        }
        position += width;
        return value;
    }

    private void require(int width, String field) {
        if (remaining() < width) {
            throw malformed(
                    field + " needs " + width + " bytes at offset " + position + ", " + remaining() + " remain");
        }
    }
}
