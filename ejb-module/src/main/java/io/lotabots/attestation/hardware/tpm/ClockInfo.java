package io.lotabots.attestation.hardware.tpm;

/** TPMS_CLOCK_INFO as quoted: clock (ms), reset and restart counters, and whether clock is safe. */
public record ClockInfo(long clock, long resetCount, long restartCount, boolean safe) {

    static final int SIZE = 17;

    static ClockInfo read(TpmReader reader) {
        long clock = reader.u64("clockInfo.clock");
        long resetCount = reader.u32("clockInfo.resetCount");
        long restartCount = reader.u32("clockInfo.restartCount");
        int safe = reader.u8("clockInfo.safe");
        if (safe > 1) {
            throw reader.malformed("clockInfo.safe is " + safe + ", not a TPMI_YES_NO");
        }
        return new ClockInfo(clock, resetCount, restartCount, safe == 1);
    }

    public ClockState state() {
        return new ClockState(clock, resetCount, restartCount);
    }
}
