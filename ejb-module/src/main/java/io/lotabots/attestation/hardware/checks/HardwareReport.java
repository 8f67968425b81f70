package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.ClockState;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Everything the verifier found: every check in a fixed order (all run, not just up to the first
 * failure), the distinct reasons of the failed ones in that order, the claims read from the evidence
 * (quote clock, firmware, PCR values, AK name, …) and the quote's clock when the signature verified,
 * for the device's clock tracking ({@code null} otherwise).
 */
public record HardwareReport(
        List<CheckResult> checks, List<ReasonCode> reasons, JsonObject claims, ClockState verifiedClock) {

    public HardwareReport {
        checks = List.copyOf(checks);
        reasons = List.copyOf(reasons);
    }

    public boolean affirming() {
        return reasons.isEmpty();
    }
}
