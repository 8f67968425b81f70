package io.lotabots.attestation.model.pickle;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The text arguments of protocol 0 opcodes, read as CPython reads them. */
final class PythonLiterals {

    private PythonLiterals() {}

    /** An int literal as {@code int(text, 0)} reads it (sign, 0x/0o/0b, underscores), or null if it is none. */
    static BigInteger integer(String text) {
        String s = text.strip().replace("_", "");
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        String lower = s.toLowerCase();
        if (lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b")) {
            radix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
            s = s.substring(2);
        }
        if (s.isEmpty() || s.length() > 10_000) {
            return null;
        }
        try {
            BigInteger value = new BigInteger(s, radix);
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The quoted argument of STRING ({@code 'abc'} or {@code "abc"}) with backslash escapes resolved, as
     * {@code codecs.escape_decode} does; null when it is not quoted or an escape is broken.
     */
    static byte[] quotedString(byte[] line) {
        if (line.length < 2 || (line[0] != '\'' && line[0] != '"') || line[line.length - 1] != line[0]) {
            return null;
        }
        var out = new ByteArrayOutputStream(line.length);
        for (int i = 1; i < line.length - 1; i++) {
            int c = line[i] & 0xFF;
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (++i >= line.length - 1) {
                return null;
            }
            int e = line[i] & 0xFF;
            switch (e) {
                case '\\', '\'', '"' -> out.write(e);
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case 'x' -> {
                    if (i + 2 >= line.length - 1 || !hex(line[i + 1]) || !hex(line[i + 2])) {
                        return null;
                    }
                    out.write(Integer.parseInt(new String(line, i + 1, 2, StandardCharsets.ISO_8859_1), 16));
                    i += 2;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int k = 0;
                                k < 2 && i + 1 < line.length - 1 && line[i + 1] >= '0' && line[i + 1] <= '7';
                                k++) {
                            value = value * 8 + (line[++i] - '0');
                        }
                        out.write(value & 0xFF);
                    } else {
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** The argument of UNICODE (raw-unicode-escape): Latin-1 with {@code \\uXXXX} and {@code \\UXXXXXXXX}. */
    static String rawUnicodeEscape(byte[] line) {
        var out = new StringBuilder(line.length);
        for (int i = 0; i < line.length; i++) {
            int c = line[i] & 0xFF;
            if (c == '\\' && i + 1 < line.length && (line[i + 1] == 'u' || line[i + 1] == 'U')) {
                int digits = line[i + 1] == 'u' ? 4 : 8;
                if (i + 1 + digits >= line.length) {
                    return null;
                }
                int cp = 0;
                for (int k = 0; k < digits; k++) {
                    byte h = line[i + 2 + k];
                    if (!hex(h)) {
                        return null;
                    }
                    cp = cp * 16 + Character.digit(h, 16);
                }
                if (cp < 0 || cp > 0x10FFFF) {
                    return null;
                }
                out.appendCodePoint(cp);
                i += 1 + digits;
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static boolean hex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
