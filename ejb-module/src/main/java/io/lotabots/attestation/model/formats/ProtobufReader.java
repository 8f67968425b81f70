package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;

/**
 * The protobuf wire format read as a stream: tags, varints, length-delimited fields entered as bounded
 * sub-messages, skips of fields no check needs (a tensor's raw data is skipped, never held). Groups (wire types
 * 3 and 4) are refused: no ONNX writer emits them.
 */
final class ProtobufReader {

    static final int VARINT = 0;
    static final int I64 = 1;
    static final int LEN = 2;
    static final int I32 = 5;

    private static final int MAX_DEPTH = 64;

    private final ModelInput in;
    private final String structure;
    private int depth;
    private int wire;
    private long tagAt;

    ProtobufReader(ModelInput in, String structure) {
        this.in = in;
        this.structure = structure;
    }

    /** The next field number of the current message, or -1 at its end. */
    int next() {
        if (in.atLimit()) {
            return -1;
        }
        tagAt = in.position();
        long tag = varint();
        long field = tag >>> 3;
        wire = (int) (tag & 7);
        if (field < 1 || field > 0x1FFFFFFF || (wire != VARINT && wire != I64 && wire != LEN && wire != I32)) {
            throw error("field tag " + tag + " at offset " + tagAt + " is not a valid protobuf field");
        }
        return (int) field;
    }

    int wire() {
        return wire;
    }

    long position() {
        return in.position();
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = in.u8();
            if (shift == 63 && b > 1) {
                throw error("a varint at offset " + in.position() + " overflows 64 bits");
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw error("a varint at offset " + in.position() + " is longer than 10 bytes");
    }

    /** Requires the current field to have the given wire type (a known field of the wrong kind is corrupt). */
    void expect(int expected, String field) {
        if (wire != expected) {
            throw error(field + " at offset " + tagAt + " has wire type " + wire + ", not " + expected);
        }
    }

    long length() {
        long at = in.position();
        long length = varint();
        if (length < 0 || length > in.remaining()) {
            throw new MalformedModelException(
                    structure + ".truncated",
                    at,
                    "a field of " + length + " bytes at offset " + at + " runs past its message");
        }
        return length;
    }

    /** Enters a length-delimited sub-message; every read until {@link #exit()} stays inside it. */
    void enter(String message) {
        expect(LEN, message);
        long length = length();
        if (++depth > MAX_DEPTH) {
            throw error(message + " at offset " + tagAt + " is nested more than " + MAX_DEPTH + " deep");
        }
        in.pushLimit(length);
    }

    /** Enters the body of a packed repeated field (no nesting: its values are read until {@link #atEnd()}). */
    void enterPacked() {
        long length = length();
        depth++;
        in.pushLimit(length);
    }

    boolean atEnd() {
        return in.atLimit();
    }

    void skipBytes(long length) {
        in.skip(length);
    }

    void exit() {
        depth--;
        in.popLimit();
    }

    String string(String field, int max) {
        expect(LEN, field);
        long at = in.position();
        long length = length();
        if (length > max) {
            throw error(field + " at offset " + at + " is " + length + " bytes long");
        }
        String text = Utf8.strict(in.bytes(field, (int) length));
        if (text == null) {
            throw error(field + " at offset " + at + " is not UTF-8");
        }
        return text;
    }

    void skip() {
        switch (wire) {
            case VARINT -> varint();
            case I64 -> in.skip(8);
            case I32 -> in.skip(4);
            default -> in.skip(length());
        }
    }

    MalformedModelException error(String detail) {
        return new MalformedModelException(structure + ".protobuf", tagAt, detail);
    }
}
