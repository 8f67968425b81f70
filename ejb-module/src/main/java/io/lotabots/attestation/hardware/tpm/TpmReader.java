package io.lotabots.attestation.hardware.tpm;

import java.util.Arrays;

/**
 * Reads a marshalled (big-endian) TPM structure with the bounds checked before every read. Each read
 * names its field, so a failure says where the bytes went wrong.
 */
public final class TpmReader {

    private final String structure;
    private final byte[] bytes;
    private int position;

    public TpmReader(String structure, byte[] bytes) {
        this.structure = structure;
        this.bytes = bytes.clone();
    }

    public int u8(String field) {
        require(field, 1);
        return bytes[position++] & 0xFF;
    }

    public int u16(String field) {
        require(field, 2);
        int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    public long u32(String field) {
        require(field, 4);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    /** An unsigned 64-bit value; values above {@link Long#MAX_VALUE} come back negative. */
    public long u64(String field) {
        require(field, 8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    public byte[] bytes(String field, int length) {
        require(field, length);
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    /** A TPM2B: a u16 size, then that many bytes, at most {@code maxSize}. */
    public byte[] sized(String field, int maxSize) {
        int size = u16(field + " size");
        if (size > maxSize) {
            throw malformed(field + " size " + size + " exceeds the maximum of " + maxSize);
        }
        return bytes(field, size);
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return bytes.length - position;
    }

    /** The bytes read between {@code from} and the current position. */
    public byte[] readSince(int from) {
        return Arrays.copyOfRange(bytes, from, position);
    }

    public void requireEnd() {
        if (remaining() != 0) {
            throw malformed(remaining() + " trailing bytes");
        }
    }

    public MalformedEvidenceException malformed(String problem) {
        return new MalformedEvidenceException(structure + ": " + problem);
    }

    private void require(String field, int length) {
        if (length < 0 || length > remaining()) {
            throw malformed(field + " needs " + length + " bytes but " + remaining() + " remain");
        }
    }
}
