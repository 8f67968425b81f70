package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventLogReplayTest {

    @Test
    void replayingExtendsEachPcrWithEachEventsDigest() {
        var builder = EventLogBuilder.withBanks(TpmHash.SHA1, TpmHash.SHA256)
                .measure(0, "crtm")
                .measure(0, "firmware")
                .measure(4, "bootloader")
                .measure(7, "secure boot");

        var replay = EventLogReplay.of(EventLog.parse(builder.build()));

        for (var bank : new TpmHash[] {TpmHash.SHA1, TpmHash.SHA256}) {
            for (int pcr : new int[] {0, 4, 7}) {
                assertArrayEquals(builder.pcr(bank, pcr), replay.value(new PcrId(bank, pcr)), bank + ":" + pcr);
            }
        }
    }

    @Test
    void aPcrNoEventExtendsStaysZero() {
        var replay = EventLogReplay.of(
                EventLog.parse(EventLogBuilder.withBanks(TpmHash.SHA256).build()));

        assertArrayEquals(new byte[32], replay.value(new PcrId(TpmHash.SHA256, 5)));
    }

    @Test
    void startupLocalityThreeStartsPcrZeroAtThree() {
        var builder =
                EventLogBuilder.withBanks(TpmHash.SHA256).startupLocality(3).measure(0, "h-crtm");

        var replay = EventLogReplay.of(EventLog.parse(builder.build()));

        assertEquals(Optional.of(3), replay.startupLocality());
        assertArrayEquals(builder.pcr(TpmHash.SHA256, 0), replay.value(new PcrId(TpmHash.SHA256, 0)));
        var start = new byte[32];
        start[31] = 3;
        assertArrayEquals(
                TpmHash.SHA256.digest(start, TpmHash.SHA256.digest("h-crtm".getBytes())),
                replay.value(new PcrId(TpmHash.SHA256, 0)));
    }

    @Test
    void otherNoActionEventsExtendNothing() {
        var data = "not a locality".getBytes();
        var builder = EventLogBuilder.withBanks(TpmHash.SHA256).measure(0, LogEvent.EV_NO_ACTION, data);

        var replay = EventLogReplay.of(EventLog.parse(builder.build()));

        assertArrayEquals(new byte[32], replay.value(new PcrId(TpmHash.SHA256, 0)));
        assertEquals(Optional.empty(), replay.startupLocality());
    }
}
