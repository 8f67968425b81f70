package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TpmSignatureTest {

    private static final byte[] ECDSA = Marshalled.bytes()
            .u16(0x0018)
            .u16(0x000B)
            .sized(Marshalled.filled(32, 1))
            .sized(Marshalled.filled(32, 2))
            .build();

    private static final byte[] RSASSA = Marshalled.bytes()
            .u16(0x0014)
            .u16(0x000B)
            .sized(Marshalled.filled(256, 3))
            .build();

    private static void assertFailsWith(byte[] bytes, String expected) {
        var message = assertThrows(MalformedEvidenceException.class, () -> TpmSignature.parse(bytes))
                .getMessage();
        assertTrue(message.contains(expected), message);
    }

    @Test
    void readsAnEcdsaSignatureAsRAndS() {
        var signature = TpmSignature.parse(ECDSA);

        assertEquals(72, ECDSA.length);
        assertEquals(SignatureScheme.ECDSA, signature.scheme());
        assertEquals(TpmHash.SHA256, signature.hash());
        assertArrayEquals(Marshalled.filled(32, 1), signature.r());
        assertArrayEquals(Marshalled.filled(32, 2), signature.s());
    }

    @Test
    void readsAnRsassaSignatureOf262Bytes() {
        var signature = TpmSignature.parse(RSASSA);

        assertEquals(262, RSASSA.length);
        assertEquals(SignatureScheme.RSASSA, signature.scheme());
        assertEquals(256, signature.rsaSignature().length);
    }

    @Test
    void readsRsapssAndEveryShaHash() {
        for (var hash : TpmHash.values()) {
            var bytes = Marshalled.bytes()
                    .u16(0x0016)
                    .u16(hash.algorithmId())
                    .sized(new byte[256])
                    .build();

            var signature = TpmSignature.parse(bytes);

            assertEquals(SignatureScheme.RSAPSS, signature.scheme());
            assertEquals(hash, signature.hash());
        }
    }

    @Test
    void rejectsSchemesItDoesNotVerify() {
        assertFailsWith(Marshalled.bytes().u16(0x001A).u16(0x000B).build(), "unsupported signature scheme 0x001a");
        assertFailsWith(Marshalled.bytes().u16(0x0010).u16(0x000B).build(), "unsupported signature scheme 0x0010");
    }

    @Test
    void rejectsAnUnknownHash() {
        assertFailsWith(Marshalled.bytes().u16(0x0014).u16(0x0012).build(), "unsupported hash algorithm 0x0012");
    }

    @Test
    void rejectsAnRsaSignatureRunningPastTheEnd() {
        assertFailsWith(Arrays.copyOf(RSASSA, 200), "sig needs 256 bytes but 194 remain");
    }

    @Test
    void rejectsAnRsaSignatureLargerThan4096Bits() {
        assertFailsWith(
                Marshalled.bytes().u16(0x0014).u16(0x000B).u16(513).build(), "sig size 513 exceeds the maximum of 512");
    }

    @Test
    void rejectsAnEmptySignature() {
        assertFailsWith(Marshalled.bytes().u16(0x0014).u16(0x000B).u16(0).build(), "sig is empty");
        assertFailsWith(
                Marshalled.bytes().u16(0x0018).u16(0x000B).u16(0).u16(0).build(), "signatureR or signatureS is empty");
    }

    @Test
    void rejectsAnEcdsaRRunningPastTheEnd() {
        assertFailsWith(Arrays.copyOf(ECDSA, 20), "signatureR needs 32 bytes but 14 remain");
    }

    @Test
    void rejectsAnEcdsaSRunningPastTheEnd() {
        assertFailsWith(Arrays.copyOf(ECDSA, 60), "signatureS needs 32 bytes but 20 remain");
    }

    @Test
    void rejectsAnEcdsaParameterLargerThanP521() {
        assertFailsWith(
                Marshalled.bytes().u16(0x0018).u16(0x000B).u16(67).build(),
                "signatureR size 67 exceeds the maximum of 66");
    }

    @Test
    void rejectsTrailingBytes() {
        assertFailsWith(Marshalled.bytes().raw(ECDSA).u8(0).build(), "1 trailing bytes");
    }

    @Test
    void everyTruncationIsMalformed() {
        for (var bytes : new byte[][] {ECDSA, RSASSA}) {
            for (int length = 0; length < bytes.length; length++) {
                var cut = Arrays.copyOf(bytes, length);
                assertThrows(MalformedEvidenceException.class, () -> TpmSignature.parse(cut));
            }
        }
    }
}
