package io.lotabots.document.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    private static final ContentPolicy POLICY = new ContentPolicy(Set.of("application/pdf", "image/png"));

    private static SniffedType sniff(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return ContentSniffer.sniff(b, b.length);
    }

    private static SniffedType sniff(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return ContentSniffer.sniff(b, b.length);
    }

    @Test
    void recognisesExecutablesOfEveryPlatform() {
        assertEquals(SniffedType.ELF, sniff(0x7F, 'E', 'L', 'F', 2, 1));
        assertEquals(SniffedType.PORTABLE_EXECUTABLE, sniff("MZ\u0090\u0000"));
        assertEquals(SniffedType.MACH_O, sniff(0xCF, 0xFA, 0xED, 0xFE));
        assertEquals(SniffedType.MACH_O, sniff(0xFE, 0xED, 0xFA, 0xCE));
        assertEquals(SniffedType.MACH_O, sniff(0xCA, 0xFE, 0xBA, 0xBE));
        assertEquals(SniffedType.SCRIPT, sniff("#!/bin/sh\n"));
    }

    @Test
    void recognisesDocumentFormats() {
        assertEquals(SniffedType.PDF, sniff("%PDF-1.7"));
        assertEquals(SniffedType.PNG, sniff(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A));
        assertEquals(SniffedType.JPEG, sniff(0xFF, 0xD8, 0xFF, 0xE0));
        assertEquals(SniffedType.GIF, sniff("GIF89a"));
        assertEquals(SniffedType.ZIP, sniff("PK\u0003\u0004"));
        assertEquals(SniffedType.GZIP, sniff(0x1F, 0x8B, 8));
    }

    @Test
    void shortOrUnknownContentIsUnknown() {
        assertEquals(SniffedType.UNKNOWN, sniff());
        assertEquals(SniffedType.UNKNOWN, sniff("M"));
        assertEquals(SniffedType.UNKNOWN, sniff("#"));
        assertEquals(SniffedType.UNKNOWN, sniff("hello, world"));
        assertEquals(SniffedType.UNKNOWN, sniff(0x89, 'P', 'N'));
    }

    @Test
    void executablesAreRefusedWhateverTheyAreDeclaredAs() {
        assertTrue(POLICY.refusal("text/plain", SniffedType.SCRIPT).isPresent());
        assertTrue(POLICY.refusal("application/octet-stream", SniffedType.ELF).isPresent());
        assertTrue(POLICY.refusal("application/pdf", SniffedType.PORTABLE_EXECUTABLE)
                .isPresent());
    }

    @Test
    void verifiedTypesMustCarryTheirSignature() {
        assertTrue(POLICY.refusal("application/pdf", SniffedType.UNKNOWN).isPresent());
        assertTrue(POLICY.refusal("Application/PDF; x=y", SniffedType.PNG).isPresent());
        assertEquals(Optional.empty(), POLICY.refusal("application/pdf; version=1.7", SniffedType.PDF));
        assertEquals(Optional.empty(), POLICY.refusal("image/png", SniffedType.PNG));
    }

    @Test
    void unverifiedTypesAreStoredAsDeclared() {
        assertEquals(Optional.empty(), POLICY.refusal("text/plain", SniffedType.UNKNOWN));
        assertEquals(Optional.empty(), POLICY.refusal("application/octet-stream", SniffedType.PDF));
    }
}
