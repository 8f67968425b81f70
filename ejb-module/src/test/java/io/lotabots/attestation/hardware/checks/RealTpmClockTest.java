package io.lotabots.attestation.hardware.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import io.lotabots.attestation.hardware.tpm.ClockState;
import io.lotabots.attestation.hardware.tpm.Marshalled;
import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.SoftwareTpm;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Clock tracking on a real TPM that reboots: a reset may turn the clock back, a replayed old quote may not. */
class RealTpmClockTest {

    private static final String PCRS = "sha256:0,1,2,3,4,5,6,7";

    private static HardwareEvidence evidence(AttestationKey ak, io.lotabots.testkit.tpm.Quote quote, byte[] nonce) {
        return new HardwareEvidence(
                nonce,
                quote.message(),
                quote.signature(),
                quote.pcrs(),
                PcrsFormat.SERIALIZED,
                null,
                ak.publicPem(),
                ak.publicArea(),
                null,
                null,
                List.of(),
                null,
                null);
    }

    private static HardwareReport verify(AttestationKey ak, HardwareEvidence evidence, ClockState lastSeen) {
        var inputs = Inputs.permissive();
        inputs.device = new EnrolledDevice(UUID.randomUUID(), true, ak.name(), ak.publicArea(), lastSeen);
        return new HardwareVerifier().verify(evidence, inputs.build());
    }

    @Test
    void aQuoteAfterARebootPassesAndTheQuoteFromBeforeItIsARegression() {
        try (var tpm = SoftwareTpm.start()) {
            var ak = tpm.createAttestationKey(AkKind.ECC_P256);
            var beforeNonce = Marshalled.filled(32, 1);
            var before = evidence(ak, tpm.quote(ak, beforeNonce, PCRS), beforeNonce);
            var beforeClock = verify(ak, before, null).verifiedClock();

            tpm.reboot();
            var afterNonce = Marshalled.filled(32, 2);
            var after = evidence(ak, tpm.quote(ak, afterNonce, PCRS), afterNonce);
            var afterReport = verify(ak, after, beforeClock);

            assertEquals(List.of(), afterReport.reasons());
            assertTrue(afterReport.verifiedClock().resetCount() > beforeClock.resetCount());
            assertEquals(
                    List.of(ReasonCode.CLOCK_REGRESSION),
                    verify(ak, before, afterReport.verifiedClock()).reasons());
        }
    }
}
