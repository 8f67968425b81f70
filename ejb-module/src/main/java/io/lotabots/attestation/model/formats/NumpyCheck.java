package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.pickle.PickleScanner;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A NumPy {@code .npy} array: magic and version, the header literal (exactly {@code descr}, {@code
 * fortran_order} and {@code shape}, read as data, never evaluated), then either the raw elements, whose length
 * must be exactly the shape times the element size, or, for arrays holding Python objects, a pickle that {@code
 * numpy.load(allow_pickle=True)} would run: it is scanned like any pickle, and needing it at all is suspicious.
 */
public final class NumpyCheck {

    /** numpy.load refuses longer headers unless told to trust the file. */
    private static final int SAFE_HEADER = 10_000;

    private static final int MAX_HEADER = 1 << 20;

    private final PickleScanner pickles;

    public NumpyCheck(PickleScanner pickles) {
        this.pickles = pickles;
    }

    public void check(ScanContext context, ByteSource source) {
        try (var in = new ModelInput(source, "numpy")) {
            byte[] magic = in.bytes("magic", 6);
            if ((magic[0] & 0xFF) != 0x93 || !new String(magic, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
                throw in.malformed("bad-magic", "the file does not start with \\x93NUMPY");
            }
            int major = in.u8();
            int minor = in.u8();
            if (minor != 0 || major < 1 || major > 3) {
                throw new MalformedModelException(
                        "numpy.unsupported-version", 6, "format version " + major + "." + minor + " does not exist");
            }
            long length = major == 1 ? in.u16() : in.u32();
            if (length > SAFE_HEADER) {
                context.report(
                        "numpy.header-too-large",
                        ModelRisk.MALFORMED,
                        8,
                        "the header is " + length + " bytes; numpy.load refuses more than " + SAFE_HEADER
                                + " unless the file is trusted");
                if (length > MAX_HEADER) {
                    return;
                }
            }
            byte[] raw = in.bytes("header", (int) length);
            String header = major == 3 ? Utf8.strict(raw) : new String(raw, StandardCharsets.ISO_8859_1);
            if (header == null) {
                throw new MalformedModelException("numpy.bad-header", 10, "the version 3 header is not UTF-8");
            }
            Array array = header(header);
            if (array.dtype.hasObject()) {
                context.report(
                        "numpy.object-array",
                        ModelRisk.SUSPICIOUS,
                        in.position(),
                        "the array holds Python objects: numpy.load runs the pickle that follows the header, and only "
                                + "with allow_pickle=True");
                pickles.scanOne(context, in, null);
                if (!in.atLimit()) {
                    context.report(
                            "numpy.trailing-bytes",
                            ModelRisk.MALFORMED,
                            in.position(),
                            in.remaining() + " bytes follow the array's pickle");
                }
                return;
            }
            BigInteger expected = array.elements.multiply(array.dtype.itemSize());
            BigInteger actual = BigInteger.valueOf(in.remaining());
            if (!expected.equals(actual)) {
                context.report(
                        "numpy.data-size",
                        ModelRisk.MALFORMED,
                        in.position(),
                        "the shape and dtype make " + expected + " bytes of data but " + actual + " follow the header");
            }
        }
    }

    private record Array(NumpyDtype dtype, BigInteger elements) {}

    private static Array header(String header) {
        Object parsed;
        try {
            parsed = PythonLiteral.parse(header);
        } catch (IllegalArgumentException e) {
            throw new MalformedModelException(
                    "numpy.bad-header", 10, "the header is no Python literal: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> dict) || !dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            throw new MalformedModelException(
                    "numpy.bad-header", 10, "the header is not a dict of exactly descr, fortran_order and shape");
        }
        if (!(dict.get("fortran_order") instanceof Boolean)) {
            throw new MalformedModelException("numpy.bad-header", 10, "fortran_order is not a boolean");
        }
        BigInteger elements = BigInteger.ONE;
        if (!(dict.get("shape") instanceof PythonLiteral.Sequence shape) || !shape.tuple()) {
            throw new MalformedModelException("numpy.bad-header", 10, "shape is not a tuple");
        }
        for (Object dim : shape.items()) {
            if (!(dim instanceof BigInteger n) || n.signum() < 0) {
                throw new MalformedModelException("numpy.bad-header", 10, "shape holds something other than sizes");
            }
            elements = elements.multiply(n);
        }
        try {
            return new Array(NumpyDtype.of(dict.get("descr")), elements);
        } catch (IllegalArgumentException e) {
            throw new MalformedModelException("numpy.bad-dtype", 10, e.getMessage());
        }
    }
}
