package io.lotabots.attestation.hardware.tpm;

/**
 * A quote's TPMS_CLOCK_INFO: {@code clock} (ms since the last TPM2_Clear) with the reset and restart
 * counters. Later quotes of one TPM must not go back in time unless the TPM was reset.
 */
public record ClockState(long clock, long resetCount, long restartCount) {}
