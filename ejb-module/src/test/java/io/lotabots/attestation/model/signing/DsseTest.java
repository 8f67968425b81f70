package io.lotabots.attestation.model.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DsseTest {

    @Test
    void paeIsTheDsseSpecificationsExample() {
        // DSSE v1.0.0 protocol.md: PAE("http://example.com/HelloWorld", "hello world")
        assertEquals(
                "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
                text(Dsse.pae("http://example.com/HelloWorld", bytes("hello world"))));
    }

    @Test
    void paeCountsBytesNotCharactersAndKeepsThePayloadAsIs() {
        byte[] payload = {(byte) 0xc3, (byte) 0xa9, '\n', 0};

        byte[] pae = Dsse.pae("t", payload);

        assertEquals("DSSEv1 1 t 4 ", new String(pae, 0, 13, StandardCharsets.US_ASCII));
        assertEquals(17, pae.length);
        assertEquals((byte) 0xc3, pae[13]);
    }

    @Test
    void emptyPayloadHasLengthZero() {
        assertEquals("DSSEv1 1 t 0 ", text(Dsse.pae("t", new byte[0])));
    }

    @Test
    void legacyEncodingIsPythonsBytesRepr() {
        assertEquals("DSSEV1 1 t 3 b'a\\nb'", text(Dsse.legacyModelSigningPae("t", bytes("a\nb"))));
        assertEquals("DSSEV1 1 t 4 b\"it's\"", text(Dsse.legacyModelSigningPae("t", bytes("it's"))));
        assertEquals("DSSEV1 1 t 5 b'\\'a\"\\\\\\t'", text(Dsse.legacyModelSigningPae("t", bytes("'a\"\\\t"))));
        assertEquals(
                "DSSEV1 1 t 3 b'\\x00\\xff\\r'",
                text(Dsse.legacyModelSigningPae("t", new byte[] {0, (byte) 0xff, '\r'})));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
