package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PcrSelectionTest {

    private static void assertRejected(String text, String expected) {
        var message = assertThrows(MalformedEvidenceException.class, () -> PcrSelection.parse(text))
                .getMessage();
        assertTrue(message.contains(expected), message);
    }

    @Test
    void parsesTpm2ToolsSyntaxWithSeveralBanks() {
        var selection = PcrSelection.parse("sha256:0,1,2+sha1:7");

        assertEquals(
                List.of(
                        new PcrId(TpmHash.SHA256, 0),
                        new PcrId(TpmHash.SHA256, 1),
                        new PcrId(TpmHash.SHA256, 2),
                        new PcrId(TpmHash.SHA1, 7)),
                selection.pcrs());
        assertEquals("sha256:0,1,2+sha1:7", selection.toString());
    }

    @Test
    void ordersIndicesAscendingAsTheTpmDoes() {
        assertEquals("sha256:0,3,7", PcrSelection.parse("SHA256: 7, 3 ,0").toString());
    }

    @Test
    void allMeansPcrsZeroToTwentyThree() {
        assertEquals(24, PcrSelection.parse("sha384:all").pcrs().size());
    }

    @Test
    void acceptsAscendingRangesAsPoliciesWriteThem() {
        assertEquals(
                "sha256:0,1,2,3,4,5,6,7,10", PcrSelection.parse("sha256:10,0-7").toString());
        assertRejected("sha256:7-3", "\"7-3\" is not a PCR or an ascending range");
        assertRejected("sha256:1-2-3", "\"1-2-3\" is not a PCR or an ascending range");
    }

    @Test
    void rejectsUnknownBanksIndicesOutOfRangeAndDuplicateBanks() {
        assertRejected("sm3:0", "unknown bank \"sm3\"");
        assertRejected("sha256:24", "PCR 24 is out of range 0-23");
        assertRejected("sha256:0+sha256:1", "bank sha256 appears twice");
        assertRejected("sha256", "is not alg:pcrs");
        assertRejected("sha256:", "\"\" is not a PCR index");
        assertRejected(" ", "empty");
    }

    @Test
    void selectionsWithTheSamePcrsInAnotherBankOrderAreTheSame() {
        assertTrue(PcrSelection.parse("sha1:7+sha256:0,1").sameAs(PcrSelection.parse("sha256:1,0+sha1:7")));
        assertFalse(PcrSelection.parse("sha256:0,1").sameAs(PcrSelection.parse("sha256:0,1,2")));
        assertFalse(PcrSelection.parse("sha256:0").sameAs(PcrSelection.parse("sha1:0")));
    }

    @Test
    void readsAMarshalledSelectionBitmap() {
        var bytes = Marshalled.bytes()
                .u32(2)
                .u16(0x000B)
                .u8(3)
                .u8(0x81)
                .u8(0x00)
                .u8(0x01)
                .u16(0x0004)
                .u8(1)
                .u8(0x02)
                .build();

        var selection = PcrSelection.read(new TpmReader("TPML_PCR_SELECTION", bytes));

        assertEquals("sha256:0,7,16+sha1:1", selection.toString());
    }

    @Test
    void rejectsAMarshalledSelectionNamingABankTwice() {
        var bytes = Marshalled.bytes()
                .u32(2)
                .u16(0x000B)
                .u8(1)
                .u8(1)
                .u16(0x000B)
                .u8(1)
                .u8(2)
                .build();

        var message = assertThrows(
                        MalformedEvidenceException.class,
                        () -> PcrSelection.read(new TpmReader("TPML_PCR_SELECTION", bytes)))
                .getMessage();
        assertTrue(message.contains("bank sha256 appears twice"), message);
    }
}
