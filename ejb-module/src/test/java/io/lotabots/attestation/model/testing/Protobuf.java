package io.lotabots.attestation.model.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal protobuf writer for hand-built ONNX models. */
public final class Protobuf {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static Protobuf message() {
        return new Protobuf();
    }

    public Protobuf varint(int field, long value) {
        tag(field, 0);
        writeVarint(value);
        return this;
    }

    public Protobuf bytes(int field, byte[] value) {
        tag(field, 2);
        writeVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    public Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public Protobuf message(int field, Protobuf value) {
        return bytes(field, value.build());
    }

    public Protobuf raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] build() {
        return out.toByteArray();
    }

    private void tag(int field, int wire) {
        writeVarint(((long) field << 3) | wire);
    }

    private void writeVarint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** An ONNX model with one graph holding {@code initializer}. */
    public static byte[] onnxModel(Protobuf initializer) {
        var graph = message()
                .message(1, message().string(1, "x").string(2, "y").string(4, "Identity"))
                .string(2, "g")
                .message(5, initializer);
        return message()
                .varint(1, 8)
                .string(2, "tests")
                .message(7, graph)
                .message(8, message().varint(2, 13))
                .build();
    }

    /** A float tensor 'w' of shape {@code dims} with external data entries (key, value, key, value...). */
    public static Protobuf externalTensor(long[] dims, String... entries) {
        var tensor = message();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        tensor.varint(2, 1).string(8, "w");
        for (int i = 0; i < entries.length; i += 2) {
            tensor.message(13, message().string(1, entries[i]).string(2, entries[i + 1]));
        }
        return tensor.varint(14, 1);
    }
}
