package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * A safetensors file ({@code u64 N | N bytes of JSON | tensor bytes}) checked by every rule of the reference
 * implementation's {@code read_metadata} and {@code validate}: header length within 100 MB and within the file;
 * the tensors, sorted by offsets, each starting where the previous one ended, each as long as its shape and dtype
 * say, without overflow or a sub-byte tail; the last one ending exactly at the end of the file, so there are
 * neither holes nor trailing bytes in which a second format could hide (trailing bytes are also scanned as content,
 * to name what hides there). Only the header is read: the tensor bytes are judged by the file's size, so a
 * multi-gigabyte file costs one small read.
 */
public final class SafetensorsCheck {

    static final long MAX_HEADER = 100_000_000L;
    private static final BigInteger USIZE_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public void check(ScanContext context, ByteSource source) {
        long size = source.size();
        if (size < 8) {
            throw new MalformedModelException(
                    "safetensors.header-too-small",
                    0,
                    "the file has " + size + " bytes, fewer than the 8 of its " + "header length");
        }
        try (var in = new ModelInput(source, "safetensors")) {
            long n = in.u64();
            if (n < 0 || n > MAX_HEADER) {
                throw new MalformedModelException(
                        "safetensors.header-too-large",
                        0,
                        "the header length " + Long.toUnsignedString(n)
                                + " is more than the 100,000,000 bytes allowed");
            }
            if (n > size - 8) {
                throw new MalformedModelException(
                        "safetensors.invalid-header-length",
                        0,
                        "the header length " + n + " runs past the end of " + "the " + size + "-byte file");
            }
            if (n == 0 || in.peek() != '{') {
                throw new MalformedModelException("safetensors.header-start", 8, "the header does not start with '{'");
            }
            List<SafetensorsHeader.Tensor> tensors = SafetensorsHeader.read(context, in.stream(n));
            BigInteger bufferEnd = validate(context, tensors);
            BigInteger actual = BigInteger.valueOf(size - 8 - n);
            if (bufferEnd != null && !bufferEnd.equals(actual)) {
                context.report(
                        "safetensors.incomplete-buffer",
                        ModelRisk.MALFORMED,
                        8 + n,
                        "the tensors cover " + bufferEnd + " bytes but " + actual + " follow the header: "
                                + (bufferEnd.compareTo(actual) < 0
                                        ? "bytes no tensor accounts for"
                                        : "the file is short"));
                if (bufferEnd.compareTo(actual) < 0) {
                    long tail = 8 + n + bufferEnd.longValueExact();
                    context.scanData("trailing@" + tail, source.slice(tail, size - tail));
                }
            }
        }
    }

    /** The reference's {@code validate}; returns the end of the last tensor, or null when it cannot be known. */
    private static BigInteger validate(ScanContext context, List<SafetensorsHeader.Tensor> tensors) {
        tensors.sort(
                Comparator.comparing(SafetensorsHeader.Tensor::begin).thenComparing(SafetensorsHeader.Tensor::end));
        BigInteger start = BigInteger.ZERO;
        for (var t : tensors) {
            if (!t.begin().equals(start) || t.end().compareTo(t.begin()) < 0) {
                context.report(
                        "safetensors.offsets-not-contiguous",
                        ModelRisk.MALFORMED,
                        -1,
                        "tensor '" + t.name() + "' has data_offsets [" + t.begin() + ", " + t.end() + "] but the "
                                + "previous tensor ends at " + start + ": tensors must follow each other without gap "
                                + "or overlap");
            }
            start = t.end();
            BigInteger bits = t.elements().multiply(BigInteger.valueOf(SafetensorsDtype.bits(t.dtype())));
            if (t.elements().compareTo(USIZE_MAX) > 0 || bits.compareTo(USIZE_MAX) > 0) {
                context.report(
                        "safetensors.size-overflow",
                        ModelRisk.MALFORMED,
                        -1,
                        "tensor '" + t.name() + "' has a shape whose size overflows 64 bits");
                continue;
            }
            if (bits.mod(BigInteger.valueOf(8)).signum() != 0) {
                context.report(
                        "safetensors.misaligned-slice",
                        ModelRisk.MALFORMED,
                        -1,
                        "tensor '" + t.name() + "' of " + t.dtype() + " ends inside a byte");
                continue;
            }
            BigInteger bytes = bits.shiftRight(3);
            if (t.end().compareTo(t.begin()) >= 0
                    && !t.end().subtract(t.begin()).equals(bytes)) {
                context.report(
                        "safetensors.tensor-size-mismatch",
                        ModelRisk.MALFORMED,
                        -1,
                        "tensor '" + t.name() + "' spans " + t.end().subtract(t.begin()) + " bytes but its shape and "
                                + t.dtype() + " make " + bytes);
            }
        }
        return start;
    }
}
