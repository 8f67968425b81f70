package io.lotabots.attestation.model.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-assembled pickle streams, opcode by opcode, for cases no pickler writes. */
public final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static PickleBytes proto(int version) {
        return new PickleBytes().op(0x80).raw(version);
    }

    public static PickleBytes start() {
        return new PickleBytes();
    }

    public PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    public PickleBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public PickleBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public PickleBytes text(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** GLOBAL module name. */
    public PickleBytes global(String module, String name) {
        return op('c').text(module + "\n" + name + "\n");
    }

    /** SHORT_BINUNICODE (protocol 4). */
    public PickleBytes str(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return op(0x8c).raw(b.length).raw(b);
    }

    /** BINUNICODE. */
    public PickleBytes binunicode(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return op('X').raw(b.length & 0xFF, (b.length >> 8) & 0xFF, (b.length >> 16) & 0xFF, b.length >>> 24)
                .raw(b);
    }

    /** BINBYTES. */
    public PickleBytes bytes(byte[] value) {
        int n = value.length;
        return op('B').raw(n & 0xFF, (n >> 8) & 0xFF, (n >> 16) & 0xFF, n >>> 24)
                .raw(value);
    }

    public PickleBytes memoize() {
        return op(0x94);
    }

    public PickleBytes binget(int index) {
        return op('h').raw(index);
    }

    public PickleBytes binput(int index) {
        return op('q').raw(index);
    }

    public PickleBytes stackGlobal() {
        return op(0x93);
    }

    public PickleBytes tuple1() {
        return op(0x85);
    }

    public PickleBytes reduce() {
        return op('R');
    }

    public PickleBytes stop() {
        return op('.');
    }

    public byte[] build() {
        return out.toByteArray();
    }
}
