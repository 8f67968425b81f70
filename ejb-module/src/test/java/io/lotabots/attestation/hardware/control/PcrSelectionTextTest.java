package io.lotabots.attestation.hardware.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PcrSelectionTextTest {

    @Test
    void readsTpm2ToolsSyntaxWithSeveralBanks() {
        PcrSelectionText selection = PcrSelectionText.parse("sha256:0,1,2+sha1:7");

        assertTrue(selection.contains(TpmHash.SHA256, 2));
        assertTrue(selection.contains(TpmHash.SHA1, 7));
        assertFalse(selection.contains(TpmHash.SHA1, 0));
        assertEquals("sha256:0,1,2+sha1:7", selection.toString());
    }

    @Test
    void writesRangesOutAndSortsIndexes() {
        assertEquals(
                "sha256:0,1,2,3,4,5,6,7,10",
                PcrSelectionText.parse("SHA256:10,0-7").toString());
    }

    @Test
    void rejectsWhatIsNoSelection() {
        assertRejected("", "is empty");
        assertRejected("sha256", "has no ':'");
        assertRejected("md5:0", "bank 'md5'");
        assertRejected("sha256:0+sha256:1", "listed twice");
        assertRejected("sha256:24", "PCR 24 does not exist");
        assertRejected("sha256:", "'' is not a PCR number");
        assertRejected("sha256:7-3", "runs backwards");
        assertRejected("sha256:1-2-3", "is not a PCR or a range");
        assertRejected("sha256:x", "'x' is not a PCR number");
    }

    private static void assertRejected(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PcrSelectionText.parse(text));
        assertTrue(e.getMessage().contains(expected), text + ": " + e.getMessage());
    }
}
