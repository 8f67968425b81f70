package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializedPcrFileTest {

    private static List<byte[]> values(int count, TpmHash bank) {
        var values = new ArrayList<byte[]>();
        for (int i = 0; i < count; i++) {
            values.add(Marshalled.filled(bank.digestSize(), i + 1));
        }
        return values;
    }

    private static void assertFailsWith(byte[] bytes, String expected) {
        var message = assertThrows(MalformedEvidenceException.class, () -> SerializedPcrFile.parse(bytes))
                .getMessage();
        assertTrue(message.contains(expected), message);
    }

    /** Overwrites little-endian bytes at an offset of a valid file. */
    private static byte[] patched(byte[] bytes, int offset, int... values) {
        var copy = bytes.clone();
        for (int i = 0; i < values.length; i++) {
            copy[offset + i] = (byte) values[i];
        }
        return copy;
    }

    private static final byte[] SHA256_0_7 = SerializedPcrs.sha256ZeroToSeven(values(8, TpmHash.SHA256));

    @Test
    void readsTheTpm2ToolsDefaultFileOf668Bytes() {
        var pcrs = SerializedPcrFile.parse(SHA256_0_7);

        assertEquals(668, SHA256_0_7.length);
        assertEquals("sha256:0,1,2,3,4,5,6,7", pcrs.selection().toString());
        assertArrayEquals(
                Marshalled.filled(32, 8),
                pcrs.value(new PcrId(TpmHash.SHA256, 7)).orElseThrow());
    }

    @Test
    void readsDigestsSpreadOverSeveralListsAndBanks() {
        var digests = new ArrayList<>(values(8, TpmHash.SHA256));
        digests.addAll(values(2, TpmHash.SHA1));
        var bytes =
                SerializedPcrs.of(List.of(new int[] {0x000B, 0xFF, 0, 0}, new int[] {0x0004, 0x00, 0x03, 0}), digests);

        var pcrs = SerializedPcrFile.parse(bytes);

        assertEquals("sha256:0,1,2,3,4,5,6,7+sha1:8,9", pcrs.selection().toString());
        assertArrayEquals(
                Marshalled.filled(20, 2), pcrs.value(new PcrId(TpmHash.SHA1, 9)).orElseThrow());
    }

    @Test
    void rejectsASelectionCountAboveSixteen() {
        assertFailsWith(patched(SHA256_0_7, 0, 17), "TPML_PCR_SELECTION count 17 exceeds 16");
    }

    @Test
    void rejectsAnUnknownBank() {
        assertFailsWith(patched(SHA256_0_7, 4, 0x12, 0), "TPMS_PCR_SELECTION[0] has unknown hash algorithm 0x12");
    }

    @Test
    void rejectsASelectBitmapLargerThanTheStruct() {
        assertFailsWith(patched(SHA256_0_7, 6, 5), "sizeofSelect 5 exceeds 4");
    }

    @Test
    void rejectsADigestListCountThatDoesNotFitTheFile() {
        assertFailsWith(patched(SHA256_0_7, 132, 2), "digest list count 2 needs 1064 bytes, 532 remain");
        assertFailsWith(patched(SHA256_0_7, 132, 0xFF, 0xFF, 0xFF, 0xFF), "digest list count 4294967295");
    }

    @Test
    void rejectsMoreThanEightDigestsInAList() {
        assertFailsWith(patched(SHA256_0_7, 136, 9), "TPML_DIGEST[0] count 9 exceeds 8");
    }

    @Test
    void rejectsADigestWhoseSizeIsNotTheBanksDigestSize() {
        assertFailsWith(patched(SHA256_0_7, 140, 20), "digests[0] size 20 is not the 32 bytes of sha256:0");
    }

    @Test
    void rejectsFewerDigestsThanSelectedPcrs() {
        assertFailsWith(patched(SHA256_0_7, 136, 7), "holds 7 digests for 8 selected PCRs");
    }

    @Test
    void rejectsMoreDigestsThanSelectedPcrs() {
        var bytes = SerializedPcrs.of(List.<int[]>of(new int[] {0x000B, 0x0F, 0, 0}), values(5, TpmHash.SHA256));

        assertFailsWith(bytes, "is digest 5 but only 4 PCRs are selected");
    }

    @Test
    void rejectsTrailingBytesAndEveryTruncation() {
        assertFailsWith(Arrays.copyOf(SHA256_0_7, 669), "needs 532 bytes, 533 remain");
        for (int length = 0; length < SHA256_0_7.length; length++) {
            var cut = Arrays.copyOf(SHA256_0_7, length);
            assertThrows(MalformedEvidenceException.class, () -> SerializedPcrFile.parse(cut));
        }
    }
}
