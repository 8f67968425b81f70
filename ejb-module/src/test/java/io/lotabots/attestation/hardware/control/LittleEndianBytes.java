package io.lotabots.attestation.hardware.control;

import java.io.ByteArrayOutputStream;

/** Builds little-endian structures (event log, serialized PCR file) by hand for the parser tests. */
final class LittleEndianBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static LittleEndianBytes bytes() {
        return new LittleEndianBytes();
    }

    LittleEndianBytes u8(int value) {
        out.write(value);
        return this;
    }

    LittleEndianBytes u16(int value) {
        out.write(value);
        out.write(value >>> 8);
        return this;
    }

    LittleEndianBytes u32(long value) {
        return u16((int) value & 0xFFFF).u16((int) (value >>> 16) & 0xFFFF);
    }

    LittleEndianBytes raw(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    LittleEndianBytes zeros(int count) {
        return raw(new byte[count]);
    }

    int size() {
        return out.size();
    }

    byte[] build() {
        return out.toByteArray();
    }
}
