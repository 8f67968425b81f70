package io.lotabots.attestation.hardware.tpm;

import java.util.Arrays;

/**
 * Reads a little-endian structure (the TCG event log, the tpm2-tools serialized PCR file) with the
 * bounds checked before every read; the little-endian sibling of {@link TpmReader}. Each read names
 * its field, so a failure says where the bytes went wrong.
 */
public final class LittleEndianReader {

    private final String structure;
    private final byte[] bytes;
    private int position;

    public LittleEndianReader(String structure, byte[] bytes) {
        if (bytes == null) {
            throw new MalformedEvidenceException(structure + ": absent");
        }
        this.structure = structure;
        this.bytes = bytes;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return bytes.length - position;
    }

    public int u8(String field) {
        require(field, 1);
        return bytes[position++] & 0xFF;
    }

    public int u16(String field) {
        return (int) unsigned(field, 2);
    }

    public long u32(String field) {
        return unsigned(field, 4);
    }

    public byte[] bytes(String field, long length) {
        require(field, length);
        var value = Arrays.copyOfRange(bytes, position, position + (int) length);
        position += (int) length;
        return value;
    }

    public void skip(String field, long length) {
        require(field, length);
        position += (int) length;
    }

    /** Fails unless every byte was read. */
    public void requireEnd() {
        if (remaining() != 0) {
            throw malformed(remaining() + " trailing bytes after offset " + position);
        }
    }

    public MalformedEvidenceException malformed(String problem) {
        return new MalformedEvidenceException(structure + ": " + problem);
    }

    private long unsigned(String field, int width) {
        require(field, width);
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[position + i] & 0xFF);
        }
        position += width;
        return value;
    }

    private void require(String field, long length) {
        if (length < 0 || length > remaining()) {
            throw malformed(
                    field + " needs " + length + " bytes at offset " + position + " but " + remaining() + " remain");
        }
    }
}
