package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.ClockState;
import java.util.UUID;

/**
 * A device as the verifier needs it: whether its AK↔EK binding was activated, the AK's TPM name
 * (nameAlg ‖ H(TPMT_PUBLIC)) and public area, and the latest clock seen in one of its quotes
 * ({@code null} before the first).
 */
public record EnrolledDevice(UUID id, boolean active, byte[] akName, byte[] akPublicArea, ClockState lastClock) {}
