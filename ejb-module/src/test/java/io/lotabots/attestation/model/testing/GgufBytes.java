package io.lotabots.attestation.model.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** GGUF files written by the spec, with every field open to being wrong. */
public final class GgufBytes {

    private long version = 3;
    private int alignment = 32;
    private final List<byte[]> kvs = new ArrayList<>();
    private final List<Object[]> tensors = new ArrayList<>();
    private Long tensorCountOverride;
    private byte[] trailing = new byte[0];
    private int cut;
    private final List<Long> offsetOverrides = new ArrayList<>();

    public static GgufBytes valid() {
        return new GgufBytes()
                .string("general.architecture", "llama")
                .u32("general.alignment", 32)
                .tensor("a", new long[] {4, 2}, 0, 32)
                .tensor("b", new long[] {3}, 1, 6);
    }

    public GgufBytes version(long v) {
        version = v;
        return this;
    }

    public GgufBytes alignment(int a) {
        alignment = a;
        return this;
    }

    public GgufBytes kv(String key, int type, byte[] value) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(str(key));
        out.writeBytes(le(type, 4));
        out.writeBytes(value);
        kvs.add(out.toByteArray());
        return this;
    }

    public GgufBytes string(String key, String value) {
        return kv(key, 8, str(value));
    }

    public GgufBytes u32(String key, long value) {
        return kv(key, 4, le(value, 4));
    }

    public GgufBytes tensor(String name, long[] dims, int type, int bytes) {
        tensors.add(new Object[] {name, dims, type, bytes});
        return this;
    }

    public GgufBytes tensorCount(long n) {
        tensorCountOverride = n;
        return this;
    }

    public GgufBytes offset(long offset) {
        offsetOverrides.add(offset);
        return this;
    }

    public GgufBytes trailing(byte[] bytes) {
        trailing = bytes;
        return this;
    }

    public GgufBytes cut(int bytes) {
        cut = bytes;
        return this;
    }

    public byte[] build() {
        var out = new ByteArrayOutputStream();
        out.writeBytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(version, 4));
        out.writeBytes(le(tensorCountOverride == null ? tensors.size() : tensorCountOverride, 8));
        out.writeBytes(le(kvs.size(), 8));
        kvs.forEach(out::writeBytes);
        long offset = 0;
        var data = new ByteArrayOutputStream();
        for (int i = 0; i < tensors.size(); i++) {
            Object[] t = tensors.get(i);
            long[] dims = (long[]) t[1];
            out.writeBytes(str((String) t[0]));
            out.writeBytes(le(dims.length, 4));
            for (long d : dims) {
                out.writeBytes(le(d, 8));
            }
            out.writeBytes(le((Integer) t[2], 4));
            out.writeBytes(le(i < offsetOverrides.size() ? offsetOverrides.get(i) : offset, 8));
            int bytes = (Integer) t[3];
            int padded = (bytes + alignment - 1) / alignment * alignment;
            data.writeBytes(new byte[padded]);
            offset += padded;
        }
        while (out.size() % alignment != 0) {
            out.write(0);
        }
        out.writeBytes(data.toByteArray());
        out.writeBytes(trailing);
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, all.length - cut);
    }

    public static byte[] str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream();
        out.writeBytes(le(b.length, 8));
        out.writeBytes(b);
        return out.toByteArray();
    }

    public static byte[] le(long value, int width) {
        var buffer = ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(value)
                .array();
        return java.util.Arrays.copyOf(buffer, width);
    }
}
