package io.lotabots.attestation.model.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DSSE's pre-authentication encoding, the bytes a DSSE signature signs:
 * {@code "DSSEv1" SP len(type) SP type SP len(payload) SP payload}, lengths in decimal ASCII, over the payload
 * exactly as decoded from the envelope (never re-serialized).
 */
final class Dsse {

    static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private Dsse() {}

    static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * What model_signing before 1.0 signed instead of the PAE: {@code "DSSEV1"} and the payload as Python's
     * {@code repr} of a bytes object ({@code b'...'}). Only used to say that such a signature is of that old
     * format (it is never accepted).
     */
    static byte[] legacyModelSigningPae(String payloadType, byte[] payload) {
        StringBuilder text = new StringBuilder(payload.length + 64)
                .append("DSSEV1 ")
                .append(payloadType.length())
                .append(' ')
                .append(payloadType)
                .append(' ')
                .append(payload.length)
                .append(' ');
        appendPythonBytesRepr(text, payload);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** CPython's {@code bytes.__repr__}: single quotes unless the bytes hold ' and no ", escapes as it writes them. */
    private static void appendPythonBytesRepr(StringBuilder text, byte[] bytes) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        text.append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                text.append('\\').append((char) c);
            } else if (c == '\t') {
                text.append("\\t");
            } else if (c == '\n') {
                text.append("\\n");
            } else if (c == '\r') {
                text.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                text.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                text.append((char) c);
            }
        }
        text.append(quote);
    }
}
