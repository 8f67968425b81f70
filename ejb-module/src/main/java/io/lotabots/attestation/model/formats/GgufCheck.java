package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.util.HashSet;
import java.util.Set;

/**
 * A GGUF file (v2 or v3, little-endian) checked as llama.cpp's loader checks it, and by the spec where the loader
 * is lax: the header; every key/value pair ({@link GgufMetadata}); {@code general.alignment} a u32 power of two and multiple of 8; {@code general.architecture} present and
 * {@code general.quantization_version} when a tensor is quantized; tensor infos (unique names under 64 bytes, at
 * most 4 dimensions, a known type whose block divides the rows, no element overflow); tensor offsets exactly where
 * the previous tensor's aligned end puts them; the data inside the file with nothing after it. Tensor data is
 * judged by the file's size and never read. Chat templates (Jinja that some runtimes render unsandboxed,
 * CVE-2024-34359) that reach for Python internals are unsafe.
 */
public final class GgufCheck {

    private static final int MAX_NAME = 64;

    private ScanContext context;
    private GgufMetadata metadata;
    private boolean quantized;
    private long lastBytes;

    public void check(ScanContext context, ByteSource source) {
        this.context = context;
        this.metadata = new GgufMetadata(context);
        try (var in = new ModelInput(source, "gguf")) {
            if (in.u32() != 0x46554747L) {
                throw in.malformed("bad-magic", "the file does not start with GGUF");
            }
            long version = in.u32();
            if (version == 0 || (version & 0xFFFF) == 0 || version == 1 || version > 3) {
                throw new MalformedModelException(
                        "gguf.unsupported-version",
                        4,
                        "GGUF version " + version + " is not read (v2 and v3 are; v1 is obsolete, a large value means "
                                + "big-endian)");
            }
            long tensorCount = count(in, "tensor count");
            long kvCount = count(in, "key/value count");
            if (tensorCount > context.limits().maxEntries()
                    || kvCount > context.limits().maxEntries()) {
                throw new MalformedModelException(
                        "gguf.too-many-entries",
                        8,
                        "the file declares " + tensorCount + " tensors and " + kvCount + " keys; more than "
                                + context.limits().maxEntries() + " are not read");
            }
            Set<String> keys = new HashSet<>();
            for (long i = 0; i < kvCount; i++) {
                metadata.keyValue(in, keys);
            }
            long alignment = metadata.alignment();
            metadata.requiredKeys(keys);
            try {
                long size = tensors(in, tensorCount, alignment);
                long dataStart = tensorCount > 0 ? align(in.position(), alignment) : in.position();
                dataSection(source.size(), dataStart, size, alignment, tensorCount);
            } catch (ArithmeticException e) {
                throw new MalformedModelException(
                        "gguf.size-overflow", in.position(), "the tensors' sizes and offsets overflow 64 bits");
            }
        }
    }

    static long count(ModelInput in, String what) {
        long at = in.position();
        long n = in.u64();
        if (n < 0) {
            throw new MalformedModelException("gguf.bad-count", at, "the " + what + " is beyond 2^63");
        }
        return n;
    }

    /** Reads the tensor infos; returns the data section's size (each tensor padded to the alignment). */
    private long tensors(ModelInput in, long count, long alignment) {
        Set<String> names = new HashSet<>();
        long expected = 0;
        for (long i = 0; i < count; i++) {
            long at = in.position();
            long nameLength = in.u64();
            if (nameLength < 0 || nameLength >= MAX_NAME) {
                throw new MalformedModelException(
                        "gguf.tensor-name-too-long",
                        at,
                        "tensor " + i + " has a name of " + Long.toUnsignedString(nameLength) + " bytes, not under "
                                + MAX_NAME);
            }
            String name = Utf8.strict(in.bytes("tensor name", (int) nameLength));
            if (name == null) {
                throw new MalformedModelException(
                        "gguf.bad-string", at, "tensor " + i + " has a name that is not UTF-8");
            }
            if (!names.add(name)) {
                throw new MalformedModelException("gguf.duplicate-tensor", at, "tensor '" + name + "' appears twice");
            }
            long dims = in.u32();
            if (dims > 4) {
                throw new MalformedModelException(
                        "gguf.too-many-dimensions",
                        at,
                        "tensor '" + name + "' has " + dims + " dimensions, more than 4");
            }
            long[] ne = {1, 1, 1, 1};
            for (int d = 0; d < dims; d++) {
                ne[d] = in.u64();
                if (ne[d] < 0) {
                    throw new MalformedModelException(
                            "gguf.bad-dimension", at, "tensor '" + name + "' has a dimension beyond 2^63");
                }
            }
            long elements = elements(name, ne, at);
            long typeId = in.u32();
            GgmlType type = GgmlType.of(typeId);
            if (type == null) {
                throw new MalformedModelException(
                        "gguf.unknown-tensor-type",
                        at,
                        "tensor '" + name + "' has the ggml type " + typeId + ", which " + "no current ggml defines");
            }
            if (ne[0] % type.blockSize() != 0) {
                throw new MalformedModelException(
                        "gguf.bad-row-size",
                        at,
                        "tensor '" + name + "' of " + type.name() + " has rows of " + ne[0]
                                + " elements, not a multiple of its block of " + type.blockSize());
            }
            quantized |= type.quantized();
            long offsetAt = in.position();
            long offset = in.u64();
            long bytes = Math.multiplyExact(elements / type.blockSize(), (long) type.typeSize());
            if (offset != expected) {
                context.report(
                        "gguf.offset-mismatch",
                        ModelRisk.MALFORMED,
                        offsetAt,
                        "tensor '" + name + "' is at data offset " + Long.toUnsignedString(offset) + " but the tensors "
                                + "before it, each padded to " + alignment + " bytes, end at " + expected);
            }
            lastBytes = bytes;
            expected = Math.addExact(expected, align(bytes, alignment));
        }
        if (quantized && !metadata.isU32("general.quantization_version")) {
            context.report(
                    "gguf.missing-quantization-version",
                    ModelRisk.MALFORMED,
                    -1,
                    "the model has quantized tensors but no u32 general.quantization_version");
        }
        return expected;
    }

    private void dataSection(long fileSize, long dataStart, long size, long alignment, long count) {
        long maximum = count == 0 ? align(dataStart, alignment) : Math.addExact(dataStart, size);
        long minimum = count == 0 ? dataStart : maximum - (align(lastBytes, alignment) - lastBytes);
        if (fileSize < minimum) {
            context.report(
                    "gguf.data-truncated",
                    ModelRisk.MALFORMED,
                    fileSize,
                    "the tensor data needs the file to reach " + minimum + " bytes but it has " + fileSize);
        } else if (fileSize > maximum) {
            context.report(
                    "gguf.trailing-bytes",
                    ModelRisk.MALFORMED,
                    maximum,
                    (fileSize - maximum) + " bytes follow the last tensor; no GGUF structure accounts for them");
        }
    }

    private static long elements(String name, long[] ne, long at) {
        try {
            return Math.multiplyExact(Math.multiplyExact(ne[0], ne[1]), Math.multiplyExact(ne[2], ne[3]));
        } catch (ArithmeticException e) {
            throw new MalformedModelException(
                    "gguf.size-overflow", at, "tensor '" + name + "' has more elements than 64 bits hold");
        }
    }

    static String string(ModelInput in, String what, int max, boolean required) {
        long at = in.position();
        long length = in.u64();
        if (length < 0 || length > max) {
            if (required) {
                throw new MalformedModelException(
                        "gguf.string-too-long",
                        at,
                        "the " + what + " is " + Long.toUnsignedString(length) + " bytes, more than " + max);
            }
            in.skip(length);
            return null;
        }
        byte[] bytes = in.bytes(what, (int) length);
        String text = Utf8.strict(bytes);
        if (text == null) {
            throw new MalformedModelException("gguf.bad-string", at, "the " + what + " is not UTF-8");
        }
        return text;
    }

    private static long align(long value, long alignment) {
        return Math.addExact(value, (alignment - value % alignment) % alignment);
    }

    static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
