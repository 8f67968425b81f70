package io.lotabots.attestation.hardware.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Builds big-endian TPM structures by hand for the parser tests. */
final class Marshalled {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Marshalled bytes() {
        return new Marshalled();
    }

    Marshalled u8(int value) {
        out.write(value);
        return this;
    }

    Marshalled u16(int value) {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    Marshalled u32(long value) {
        return u16((int) (value >>> 16)).u16((int) value);
    }

    Marshalled raw(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    /** A TPM2B: u16 size, then the bytes. */
    Marshalled sized(byte[] value) {
        return u16(value.length).raw(value);
    }

    byte[] build() {
        return out.toByteArray();
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static byte[] resource(String name) {
        try (InputStream in = Marshalled.class.getResourceAsStream("/tpm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /tpm/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
