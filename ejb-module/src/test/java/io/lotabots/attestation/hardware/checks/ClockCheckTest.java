package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.hardware.tpm.ClockState;
import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClockCheckTest {

    private final ClockCheck check = new ClockCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    private Inputs lastSeen(long clock, long resetCount, long restartCount) {
        var inputs = Inputs.permissive();
        inputs.device = new EnrolledDevice(
                UUID.randomUUID(),
                true,
                TpmPublic.parse(quote.akPublicArea).name(),
                quote.akPublicArea,
                new ClockState(clock, resetCount, restartCount));
        return inputs;
    }

    @Test
    void aClockGoingBackWithoutAResetIsARegression() {
        var last = new ClockState(5_000, 3, 1);

        assertTrue(ClockCheck.regressed(last, new ClockState(4_999, 3, 1)));
        assertTrue(ClockCheck.regressed(last, new ClockState(9_000, 2, 1)));
        assertTrue(ClockCheck.regressed(last, new ClockState(9_000, 3, 0)));
        assertFalse(ClockCheck.regressed(last, new ClockState(5_000, 3, 1)));
        assertFalse(ClockCheck.regressed(last, new ClockState(5_001, 3, 1)));
        assertFalse(ClockCheck.regressed(last, new ClockState(1_000, 4, 0)));
        assertFalse(ClockCheck.regressed(last, new ClockState(4_000, 3, 2)));
    }

    @Test
    void aLaterQuoteOfTheDevicePasses() {
        assertPassed(run(check, quote, lastSeen(100_000, 2, 1)));
    }

    @Test
    void aQuoteOlderThanOneAlreadySeenFails() {
        assertFailed(
                run(check, quote, lastSeen(200_000, 2, 1)), ReasonCode.CLOCK_REGRESSION, "older than one already seen");
    }

    @Test
    void anEarlierClockAfterATpmResetPasses() {
        assertPassed(run(check, quote, lastSeen(900_000, 1, 7)));
    }

    @Test
    void aDeviceWithoutAnEarlierQuoteIsSkipped() {
        var inputs = lastSeen(0, 0, 0);
        var device = inputs.device;
        inputs.device = new EnrolledDevice(device.id(), true, device.akName(), device.akPublicArea(), null);

        assertSkipped(run(check, quote, inputs));
        assertSkipped(run(check, quote, Inputs.permissive()));
    }

    @Test
    void anUnverifiedQuoteIsNotCompared() {
        quote.signature = quote.sign(
                quote.message(), PublicAreas.newEcKeyPair("secp256r1").getPrivate());

        assertSkipped(run(check, quote, lastSeen(200_000, 2, 1)));
    }
}
