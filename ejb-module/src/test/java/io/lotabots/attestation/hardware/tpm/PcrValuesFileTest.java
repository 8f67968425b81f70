package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PcrValuesFileTest {

    @Test
    void splitsRawDigestsInSelectionOrder() {
        var bytes = Marshalled.bytes()
                .raw(Marshalled.filled(32, 1))
                .raw(Marshalled.filled(32, 2))
                .raw(Marshalled.filled(20, 3))
                .build();

        var pcrs = PcrValuesFile.parse(bytes, PcrSelection.parse("sha256:3,1+sha1:0"));

        assertArrayEquals(
                Marshalled.filled(32, 1),
                pcrs.value(new PcrId(TpmHash.SHA256, 1)).orElseThrow());
        assertArrayEquals(
                Marshalled.filled(32, 2),
                pcrs.value(new PcrId(TpmHash.SHA256, 3)).orElseThrow());
        assertArrayEquals(
                Marshalled.filled(20, 3), pcrs.value(new PcrId(TpmHash.SHA1, 0)).orElseThrow());
    }

    @Test
    void rejectsAFileWhoseSizeDoesNotFitTheSelection() {
        var selection = PcrSelection.parse("sha256:0,1,2,3,4,5,6,7");
        for (int length : new int[] {0, 255, 257, 668}) {
            var message = assertThrows(
                            MalformedEvidenceException.class, () -> PcrValuesFile.parse(new byte[length], selection))
                    .getMessage();
            assertTrue(message.contains(length + " bytes, but selection sha256:0,1,2,3,4,5,6,7 needs 256"), message);
        }
    }
}
