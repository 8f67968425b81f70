package io.lotabots.attestation.hardware.tpm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Builds big-endian TPM structures by hand for the parser tests. */
public final class Marshalled {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static Marshalled bytes() {
        return new Marshalled();
    }

    public Marshalled u8(int value) {
        out.write(value);
        return this;
    }

    public Marshalled u16(int value) {
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    public Marshalled u32(long value) {
        return u16((int) (value >>> 16)).u16((int) value);
    }

    public Marshalled raw(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    /** A TPM2B: u16 size, then the bytes. */
    public Marshalled sized(byte[] value) {
        return u16(value.length).raw(value);
    }

    public byte[] build() {
        return out.toByteArray();
    }

    public static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    public static byte[] resource(String name) {
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
