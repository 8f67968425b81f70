package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.pickle.PickleValue.Atom;
import io.lotabots.attestation.model.pickle.PickleValue.Bytes;
import io.lotabots.attestation.model.pickle.PickleValue.Int;
import io.lotabots.attestation.model.pickle.PickleValue.Real;
import io.lotabots.attestation.model.pickle.PickleValue.Text;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteArraySource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import io.lotabots.attestation.model.source.SpooledBytes;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The arguments of the literal opcodes, read as CPython reads them: text lines (numbers, quoted and
 * raw-unicode-escaped strings), binary integers and floats, UTF-8 strings (validated in full, kept up to 64 K
 * characters) and byte strings. A byte string that starts like a pickle, zip, NumPy array or gzip stream is handed
 * to the scanner as nested content (not in probe mode), so a pickle hidden inside another is scanned too.
 */
final class PickleLiterals {

    static final int TEXT_LINE = 1 << 20;
    private static final int NUMBER_LINE = 64 * 1024;
    private static final int KEPT_CHARS = 64 * 1024;
    private static final int KEPT_LONG_BYTES = 4096;

    private final ModelInput in;
    private final ScanContext context;
    private final PickleCursor cursor;
    private final boolean probe;

    PickleLiterals(ModelInput in, ScanContext context, PickleCursor cursor, boolean probe) {
        this.in = in;
        this.context = context;
        this.cursor = cursor;
        this.probe = probe;
    }

    PickleValue intLine() {
        String text = ascii(in.line("INT", NUMBER_LINE));
        if (text.equals("00")) {
            return Atom.FALSE;
        }
        if (text.equals("01")) {
            return Atom.TRUE;
        }
        return new Int(number(text));
    }

    PickleValue longLine() {
        String text = ascii(in.line("LONG", NUMBER_LINE));
        return new Int(number(text.endsWith("L") ? text.substring(0, text.length() - 1) : text));
    }

    /** The index argument of GET and PUT. */
    long lineIndex() {
        BigInteger value = number(ascii(in.line(cursor.opcode().name(), NUMBER_LINE)));
        if (value.signum() < 0 || value.bitLength() > 62) {
            throw cursor.problem("bad-argument", cursor.where() + " has an index out of range");
        }
        return value.longValue();
    }

    PickleValue floatLine() {
        String text = ascii(in.line("FLOAT", NUMBER_LINE)).strip();
        try {
            return new Real(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            if (text.matches("(?i)[+-]?(inf|infinity|nan)")) {
                return new Real(Double.NaN);
            }
            throw cursor.problem("bad-argument", cursor.where() + " has no float argument");
        }
    }

    PickleValue binaryFloat() {
        return new Real(Double.longBitsToDouble(Long.reverseBytes(in.u64())));
    }

    /** LONG1/LONG4: two's complement little-endian; very long ones are skipped, their value unknown. */
    Int longBinary(long length) {
        if (length > KEPT_LONG_BYTES) {
            in.skip(length);
            return new Int(null);
        }
        byte[] little = in.bytes("LONG bytes", (int) length);
        if (length == 0) {
            return new Int(BigInteger.ZERO);
        }
        byte[] big = new byte[little.length];
        for (int i = 0; i < little.length; i++) {
            big[i] = little[little.length - 1 - i];
        }
        return new Int(new BigInteger(big));
    }

    Text quotedString() {
        byte[] value = PythonLiterals.quotedString(in.line("STRING", TEXT_LINE));
        if (value == null) {
            throw cursor.problem("bad-argument", cursor.where() + " is not a quoted string");
        }
        return new Text(ascii(value), true);
    }

    Text rawUnicode() {
        String value = PythonLiterals.rawUnicodeEscape(in.line("UNICODE", TEXT_LINE));
        if (value == null) {
            throw cursor.problem("bad-argument", cursor.where() + " has a broken \\u escape");
        }
        return new Text(value, true);
    }

    /** A Python 2 str: read as text for imports, opened as nested content like bytes. */
    Text pythonTwoString(long length) {
        long start = in.position();
        if (length > KEPT_CHARS) {
            bytesContent(start, length, in.peek());
            return new Text("", false);
        }
        byte[] value = in.bytes("BINSTRING", (int) length);
        if (!probe && length >= 2 && mayHoldContent(value[0] & 0xFF)) {
            context.scanData("bytes@" + start, new ByteArraySource(value));
        }
        return new Text(ascii(value), true);
    }

    Text utf8(long length) {
        var text = new Utf8Text(true, KEPT_CHARS);
        long left = length;
        while (left > 0) {
            int n = (int) Math.min(left, 64 * 1024);
            text.accept(in.bytes("str", n), 0, n);
            left -= n;
        }
        if (!text.finish()) {
            throw cursor.problem("bad-argument", cursor.where() + " holds bytes that are not UTF-8");
        }
        return new Text(text.text(), text.complete());
    }

    Bytes bytes(long length) {
        long start = in.position();
        bytesContent(start, length, length == 0 ? -1 : in.peek());
        return new Bytes(length);
    }

    /** A u64 length (BINUNICODE8, BINBYTES8, BYTEARRAY8). */
    long length64() {
        long length = in.u64();
        if (length < 0) {
            throw cursor.problem("bad-argument", cursor.where() + " declares more than 2^63 bytes");
        }
        return length;
    }

    long nonNegative(long value, String what) {
        if (value < 0) {
            throw cursor.problem("bad-argument", what + " of " + cursor.where() + " is negative");
        }
        return value;
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private void bytesContent(long start, long length, int first) {
        if (probe || length < 2 || !mayHoldContent(first)) {
            in.skip(length);
            return;
        }
        try (var spool = new SpooledBytes()) {
            in.copyTo(spool, length);
            context.scanData("bytes@" + start, spool.finish());
        } catch (IOException e) {
            throw new MalformedModelException(
                    "file.read-error",
                    start,
                    "could not keep the byte string at offset " + start + ": " + e.getMessage());
        }
    }

    private BigInteger number(String text) {
        BigInteger value = PythonLiterals.integer(text);
        if (value == null) {
            throw cursor.problem("bad-argument", cursor.where() + " has no integer argument");
        }
        return value;
    }

    /** First bytes of a pickle (with or without PROTO), a zip, a NumPy array or a gzip stream. */
    private static boolean mayHoldContent(int first) {
        return first == 0x80
                || first == 'c'
                || first == 'i'
                || first == '('
                || first == 'P'
                || first == 0x93
                || first == 0x1f;
    }
}
