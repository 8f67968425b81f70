package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private static final byte[] LOG = EventLogBuilder.withBanks(TpmHash.SHA1, TpmHash.SHA256)
            .measure(0, EventLogBuilder.EV_S_CRTM_VERSION, "crtm".getBytes(StandardCharsets.UTF_8))
            .measure(7, "secure boot")
            .build();

    private static final int HEADER = EventLogBuilder.header(List.of(TpmHash.SHA1, TpmHash.SHA256)).length;

    private static void assertFailsWith(byte[] bytes, String expected) {
        var message = assertThrows(MalformedEvidenceException.class, () -> EventLog.parse(bytes))
                .getMessage();
        assertTrue(message.contains(expected), message);
    }

    private static byte[] patched(byte[] bytes, int offset, int... values) {
        var copy = bytes.clone();
        for (int i = 0; i < values.length; i++) {
            copy[offset + i] = (byte) values[i];
        }
        return copy;
    }

    /** Offset in the header record of the TCG_EfiSpecIdEvent's field at {@code specOffset}. */
    private static int spec(int specOffset) {
        return 32 + specOffset;
    }

    @Test
    void readsTheSpecIdHeaderAndEveryEvent() {
        var log = EventLog.parse(LOG);

        assertEquals(List.of(new LogDigestAlgorithm(0x0004, 20), new LogDigestAlgorithm(0x000B, 32)), log.algorithms());
        assertEquals(2, log.events().size());
        assertEquals(7, log.events().get(1).pcrIndex());
        assertEquals(2, log.events().get(1).digests().size());
        assertEquals("secure boot", new String(log.events().get(1).data(), StandardCharsets.UTF_8));
    }

    @Test
    void aHeaderAloneIsALogWithoutEvents() {
        assertEquals(
                0,
                EventLog.parse(EventLogBuilder.withBanks(TpmHash.SHA256).build())
                        .events()
                        .size());
    }

    @Test
    void rejectsALogWhoseFirstEventIsNotEvNoAction() {
        assertFailsWith(patched(LOG, 4, 1), "first event has type 0x1, not EV_NO_ACTION");
    }

    @Test
    void rejectsASha1FormatLogWithoutTheSpecIdSignature() {
        assertFailsWith(patched(LOG, spec(14), '2'), "not \"Spec ID Event03\"");
    }

    @Test
    void rejectsAHeaderEventSizeRunningPastTheEnd() {
        assertFailsWith(patched(LOG, 28, 0xFF, 0xFF, 0, 0), "header event needs 65535 bytes");
    }

    @Test
    void rejectsASpecVersionOtherThanTwo() {
        assertFailsWith(patched(LOG, spec(21), 1), "specVersionMajor is 1, not 2");
    }

    @Test
    void rejectsNoAlgorithmsOrTooMany() {
        assertFailsWith(patched(LOG, spec(24), 0), "numberOfAlgorithms 0 is not within 1..16");
        assertFailsWith(patched(LOG, spec(24), 17), "numberOfAlgorithms 17 is not within 1..16");
    }

    @Test
    void rejectsAnAlgorithmListRunningPastTheHeader() {
        assertFailsWith(patched(LOG, spec(24), 3), "digestSizes[2].algorithmId needs 2 bytes");
    }

    @Test
    void rejectsAnAlgorithmListedTwiceOrWithTheWrongSize() {
        assertFailsWith(patched(LOG, spec(32), 0x04), "algorithm 0x4 is listed twice");
        assertFailsWith(patched(LOG, spec(30), 32), "digestSizes[0] gives 32 bytes for sha1");
        assertFailsWith(patched(LOG, spec(30), 65), "digestSizes[0].digestSize 65 is not within 1..64");
    }

    @Test
    void rejectsVendorInfoRunningPastTheHeader() {
        assertFailsWith(patched(LOG, spec(36), 5), "vendorInfo needs 5 bytes");
    }

    @Test
    void rejectsAnEventForAPcrBeyondTwentyThree() {
        assertFailsWith(patched(LOG, HEADER, 24), "event 1 extends PCR 24, not 0-23");
    }

    @Test
    void rejectsADigestCountOtherThanTheHeaders() {
        assertFailsWith(patched(LOG, HEADER + 8, 1), "event 1 digestCount 1 differs from the header's 2 algorithms");
    }

    @Test
    void rejectsADigestOfAnAlgorithmNotInTheHeader() {
        assertFailsWith(patched(LOG, HEADER + 12, 0x0C), "event 1 has a digest of algorithm 0xc, not in the header");
    }

    @Test
    void rejectsTwoDigestsOfOneAlgorithm() {
        assertFailsWith(patched(LOG, HEADER + 12 + 2 + 20, 0x04, 0x00), "event 1 has two digests of algorithm 0x4");
    }

    @Test
    void rejectsAnEventSizeRunningPastTheEnd() {
        assertFailsWith(patched(LOG, HEADER + 12 + 22 + 34, 0xFF, 0xFF), "event 1 event needs 65535 bytes");
    }

    @Test
    void everyTruncationIsMalformed() {
        var cuts = 0;
        for (int length = 0; length < LOG.length; length++) {
            var cut = Arrays.copyOf(LOG, length);
            if (length == HEADER) {
                continue;
            }
            var secondEvent = LOG.length - (12 + 22 + 34 + 4 + "secure boot".length());
            if (length == secondEvent) {
                continue;
            }
            assertThrows(MalformedEvidenceException.class, () -> EventLog.parse(cut), "length " + length);
            cuts++;
        }
        assertEquals(LOG.length - 2, cuts);
    }
}
