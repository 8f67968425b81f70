package io.lotabots.audit.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * The one byte form of a JSON value that is hashed into the audit chain, following RFC 8785 (JCS):
 * keys sorted by UTF-16 code units, no whitespace, minimal string escapes, UTF-8.
 *
 * <p>Numbers must be integers within ±(2^53 − 1). JCS writes numbers the way JavaScript prints an
 * IEEE double, so a fraction or a larger integer could come out differently in another verifier
 * and break a chain that is intact; audit events carry counts and ids, never measurements.
 */
public final class CanonicalJson {

    static final BigInteger MAX_SAFE_INTEGER = BigInteger.TWO.pow(53).subtract(BigInteger.ONE);

    private CanonicalJson() {}

    public static byte[] toBytes(JsonValue value) {
        var out = new StringBuilder();
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> writeObject((JsonObject) value, out);
            case ARRAY -> writeArray((JsonArray) value, out);
            case STRING -> writeString(((JsonString) value).getString(), out);
            case NUMBER -> out.append(integer((JsonNumber) value));
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private static void writeObject(JsonObject object, StringBuilder out) {
        out.append('{');
        var separator = "";
        // String's natural order compares UTF-16 code units, which is what JCS asks for
        for (var member : new TreeMap<>(object).entrySet()) {
            out.append(separator);
            writeString(member.getKey(), out);
            out.append(':');
            write(member.getValue(), out);
            separator = ",";
        }
        out.append('}');
    }

    private static void writeArray(JsonArray array, StringBuilder out) {
        out.append('[');
        var separator = "";
        for (var element : array) {
            out.append(separator);
            write(element, out);
            separator = ",";
        }
        out.append(']');
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !isPairAt(text, i)) {
                        throw new IllegalArgumentException(
                                "string has a lone surrogate at index " + i + ", which has no UTF-8 form");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isPairAt(String text, int i) {
        if (Character.isHighSurrogate(text.charAt(i))) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static String integer(JsonNumber number) {
        var decimal = number.bigDecimalValue().stripTrailingZeros();
        if (decimal.scale() > 0) {
            throw new IllegalArgumentException("number " + number + " is not an integer");
        }
        // the exponent is checked first, so a value like 1e999999999 is never expanded
        if (decimal.precision() - decimal.scale() > 16
                || decimal.toBigInteger().abs().compareTo(MAX_SAFE_INTEGER) > 0) {
            throw new IllegalArgumentException("integer " + number + " is outside ±(2^53 − 1)");
        }
        return decimal.toBigInteger().toString();
    }
}
