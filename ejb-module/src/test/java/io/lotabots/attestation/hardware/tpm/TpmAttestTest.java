package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TpmAttestTest {

    private static String failureOf(byte[] bytes) {
        return assertThrows(MalformedEvidenceException.class, () -> TpmAttest.parse(bytes))
                .getMessage();
    }

    private static void assertFailsWith(byte[] bytes, String expected) {
        var message = failureOf(bytes);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void readsEveryFieldOfAQuoteWithA32ByteNonceOverSha256ZeroToSeven() {
        var bytes = AttestBytes.quote().build();

        var attest = TpmAttest.parse(bytes);

        assertEquals(145, bytes.length);
        assertTrue(attest.generatedByTpm());
        assertTrue(attest.isQuote());
        assertArrayEquals(Marshalled.filled(32, 0x5A), attest.extraData());
        assertEquals(34, attest.qualifiedSigner().length);
        assertEquals(new ClockInfo(123_456, 2, 1, true), attest.clockInfo());
        assertEquals(0x2023_0101_0000_0001L, attest.firmwareVersion());
        assertEquals("sha256:0,1,2,3,4,5,6,7", attest.quoteInfo().selection().toString());
        assertArrayEquals(Marshalled.filled(32, 0x11), attest.quoteInfo().pcrDigest());
    }

    @Test
    void aQuoteWithA24ByteNonceIs137Bytes() {
        var bytes = AttestBytes.quote().with(a -> a.extraData = new byte[24]).build();

        assertEquals(137, bytes.length);
        assertEquals(24, TpmAttest.parse(bytes).extraData().length);
    }

    @Test
    void keepsAWrongMagicForTheMagicCheckToReport() {
        var attest = TpmAttest.parse(
                AttestBytes.quote().with(a -> a.magic = 0xDEADBEEFL).build());

        assertFalse(attest.generatedByTpm());
        assertEquals(0xDEADBEEFL, attest.magic());
    }

    @Test
    void keepsTheBodyOfOtherAttestationTypesUnparsed() {
        var certify = Marshalled.bytes()
                .raw(AttestBytes.quote().with(a -> a.type = 0x8017).header())
                .raw(new byte[] {1, 2, 3})
                .build();

        var attest = TpmAttest.parse(certify);

        assertFalse(attest.isQuote());
        assertNull(attest.quoteInfo());
        assertArrayEquals(new byte[] {1, 2, 3}, attest.otherAttested());
    }

    @Test
    void everyTruncationIsMalformedNeverAnIndexError() {
        var bytes = AttestBytes.quote().build();
        for (int length = 0; length < bytes.length; length++) {
            failureOf(AttestBytes.truncated(bytes, length));
        }
    }

    @Test
    void rejectsTrailingBytes() {
        var bytes = Marshalled.bytes().raw(AttestBytes.quote().build()).u8(0).build();

        assertFailsWith(bytes, "TPMS_ATTEST: 1 trailing bytes");
    }

    @Test
    void rejectsAbsentBytes() {
        assertFailsWith(null, "TPMS_ATTEST: absent");
    }

    @Test
    void rejectsAQualifiedSignerRunningPastTheEnd() {
        var bytes = Marshalled.bytes()
                .u32(TpmAttest.TPM_GENERATED)
                .u16(0x8018)
                .u16(60)
                .raw(new byte[10])
                .build();

        assertFailsWith(bytes, "qualifiedSigner needs 60 bytes but 10 remain");
    }

    @Test
    void rejectsAQualifiedSignerLongerThanAName() {
        assertFailsWith(
                AttestBytes.quote().with(a -> a.qualifiedSigner = new byte[67]).build(),
                "qualifiedSigner size 67 exceeds the maximum of 66");
    }

    @Test
    void rejectsExtraDataLongerThan64Bytes() {
        assertFailsWith(
                AttestBytes.quote().with(a -> a.extraData = new byte[65]).build(),
                "extraData size 65 exceeds the maximum of 64");
    }

    @Test
    void rejectsExtraDataRunningPastTheEnd() {
        var bytes = Marshalled.bytes()
                .u32(TpmAttest.TPM_GENERATED)
                .u16(0x8018)
                .sized(new byte[34])
                .u16(64)
                .raw(new byte[5])
                .build();

        assertFailsWith(bytes, "extraData needs 64 bytes but 5 remain");
    }

    @Test
    void rejectsAClockInfoCutShort() {
        var header = AttestBytes.quote().header();

        assertFailsWith(AttestBytes.truncated(header, 4 + 2 + 36 + 34 + 10), "clockInfo.resetCount needs 4 bytes");
    }

    @Test
    void rejectsASafeFlagThatIsNotYesOrNo() {
        assertFailsWith(AttestBytes.quote().with(a -> a.safe = 2).build(), "clockInfo.safe is 2");
    }

    @Test
    void rejectsMoreThan16PcrBanks() {
        var bytes = AttestBytes.quote()
                .with(a -> a.selection = Marshalled.bytes().u32(17).build())
                .build();

        assertFailsWith(bytes, "TPML_PCR_SELECTION count 17 exceeds 16");
    }

    @Test
    void rejectsASelectionCountRunningPastTheEnd() {
        var bytes = AttestBytes.quote()
                .with(a -> a.selection = Marshalled.bytes()
                        .u32(2)
                        .u16(0x000B)
                        .u8(3)
                        .u8(0xFF)
                        .u8(0)
                        .u8(0)
                        .build())
                .with(a -> a.pcrDigest = new byte[0])
                .build();

        assertFailsWith(bytes, "TPMS_PCR_SELECTION[1]");
    }

    @Test
    void rejectsAPcrBitmapLongerThanFourBytes() {
        var bytes = AttestBytes.quote()
                .with(a -> a.selection = Marshalled.bytes()
                        .u32(1)
                        .u16(0x000B)
                        .u8(5)
                        .raw(new byte[5])
                        .build())
                .build();

        assertFailsWith(bytes, "sizeofSelect 5 exceeds 4");
    }

    @Test
    void rejectsAPcrBitmapRunningPastTheEnd() {
        var bytes = Marshalled.bytes()
                .raw(AttestBytes.quote().header())
                .u32(1)
                .u16(0x000B)
                .u8(4)
                .u8(0xFF)
                .build();

        assertFailsWith(bytes, "TPMS_PCR_SELECTION[0] pcrSelect needs 4 bytes but 1 remain");
    }

    @Test
    void rejectsAnUnknownPcrBank() {
        assertFailsWith(
                AttestBytes.quote()
                        .with(a -> a.selection = AttestBytes.selection(0x0012, 0xFF, 0, 0))
                        .build(),
                "unknown hash algorithm 0x12");
    }

    @Test
    void rejectsAPcrDigestRunningPastTheEnd() {
        var bytes = Marshalled.bytes()
                .raw(AttestBytes.quote().header())
                .raw(AttestBytes.selection(0x000B, 0xFF, 0, 0))
                .u16(32)
                .raw(new byte[31])
                .build();

        assertFailsWith(bytes, "pcrDigest needs 32 bytes but 31 remain");
    }

    @Test
    void rejectsAPcrDigestLongerThanAnyHash() {
        assertFailsWith(
                AttestBytes.quote().with(a -> a.pcrDigest = new byte[65]).build(),
                "pcrDigest size 65 exceeds the maximum of 64");
    }
}
