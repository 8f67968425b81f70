package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.ClockState;
import io.lotabots.platform.json.Json;

/**
 * The quote is not older than the device's latest verified quote. The TPM's clock only goes back
 * across a TPM Reset (resetCount grows; an unorderly shutdown may lose a few seconds of clock), and
 * restartCount only falls to zero with a Reset: so (resetCount, restartCount, clock) must not
 * decrease in that order. Only a verified quote from the device's own AK is compared.
 */
public final class ClockCheck implements EvidenceCheck {

    public static final String NAME = "clock";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var device = evidence.inputs().device();
        if (device == null || device.lastClock() == null) {
            return CheckResult.skipped(NAME, "no earlier quote of an enrolled device to compare with");
        }
        if (evidence.attest().isEmpty()
                || !evidence.signatureVerifies()
                || !evidence.akIsDevicesAk().orElse(false)) {
            return CheckResult.skipped(NAME, "the quote's clock is not verified as this device's");
        }
        var last = device.lastClock();
        var now = evidence.attest().get().clockInfo().state();
        var inputs = Json.createObjectBuilder()
                .add("last", json(last))
                .add("quote", json(now))
                .build();
        if (regressed(last, now)) {
            return CheckResult.failed(
                    NAME,
                    ReasonCode.CLOCK_REGRESSION,
                    "the quote is older than one already seen from this device",
                    inputs);
        }
        return CheckResult.passed(NAME, "the quote is not older than the last one seen", inputs);
    }

    static boolean regressed(ClockState last, ClockState now) {
        if (now.resetCount() != last.resetCount()) {
            return now.resetCount() < last.resetCount();
        }
        if (now.restartCount() != last.restartCount()) {
            return now.restartCount() < last.restartCount();
        }
        return Long.compareUnsigned(now.clock(), last.clock()) < 0;
    }

    private static jakarta.json.JsonObject json(ClockState clock) {
        return Json.createObjectBuilder()
                .add("clock", Long.toUnsignedString(clock.clock()))
                .add("resetCount", clock.resetCount())
                .add("restartCount", clock.restartCount())
                .build();
    }
}
