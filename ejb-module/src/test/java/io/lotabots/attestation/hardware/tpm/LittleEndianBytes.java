package io.lotabots.attestation.hardware.tpm;

import java.io.ByteArrayOutputStream;

/** Builds little-endian structures (event log, serialized PCR file) by hand for the parser tests. */
public final class LittleEndianBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static LittleEndianBytes bytes() {
        return new LittleEndianBytes();
    }

    public LittleEndianBytes u8(int value) {
        out.write(value);
        return this;
    }

    public LittleEndianBytes u16(int value) {
        out.write(value);
        out.write(value >>> 8);
        return this;
    }

    public LittleEndianBytes u32(long value) {
        return u16((int) value & 0xFFFF).u16((int) (value >>> 16) & 0xFFFF);
    }

    public LittleEndianBytes raw(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    public LittleEndianBytes zeros(int count) {
        return raw(new byte[count]);
    }

    public int size() {
        return out.size();
    }

    public byte[] build() {
        return out.toByteArray();
    }
}
