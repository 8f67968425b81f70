package io.lotabots.attestation.hardware.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HardwareTrustVectorTest {

    @Test
    void anAffirmingAppraisalWithEverythingEstablishedAffirmsEveryClaim() {
        var v = HardwareTrustVector.of(List.of(), true, true, true);

        assertEquals(2, v.getInt("instance-identity"));
        assertEquals(2, v.getInt("hardware"));
        assertEquals(3, v.getInt("executables"));
        assertEquals(2, v.getInt("configuration"));
    }

    @Test
    void whatTheAppraisalCouldNotEstablishIsNoClaim() {
        var v = HardwareTrustVector.of(List.of(), true, false, false);

        assertEquals(2, v.getInt("instance-identity"));
        assertEquals(0, v.getInt("hardware"));
        assertEquals(0, v.getInt("executables"));
        assertEquals(0, v.getInt("configuration"));
    }

    @Test
    void aBadSignatureIsACryptographicValidationFailureOfTheInstance() {
        var v = HardwareTrustVector.of(List.of(ReasonCode.SIGNATURE_INVALID), false, false, true);

        assertEquals(99, v.getInt("instance-identity"));
    }

    @Test
    void eachReasonSetsItsClaimToItsValue() {
        var v = HardwareTrustVector.of(
                List.of(
                        ReasonCode.DEVICE_NOT_ENROLLED,
                        ReasonCode.PCR_POLICY_VIOLATION,
                        ReasonCode.CLOCK_REGRESSION,
                        ReasonCode.PCR_SELECTION_MISMATCH),
                true,
                true,
                true);

        assertEquals(97, v.getInt("instance-identity"));
        assertEquals(33, v.getInt("executables"));
        assertEquals(96, v.getInt("hardware"));
        assertEquals(96, v.getInt("configuration"));
    }

    @Test
    void aReplayMismatchOutranksAPolicyViolation() {
        var v = HardwareTrustVector.of(
                List.of(ReasonCode.PCR_POLICY_VIOLATION, ReasonCode.EVENTLOG_REPLAY_MISMATCH), true, true, true);

        assertEquals(96, v.getInt("executables"));
    }

    @Test
    void nonceReasonsLeaveTheVectorAlone() {
        var v = HardwareTrustVector.of(List.of(ReasonCode.NONCE_REUSED), true, true, true);

        assertEquals(2, v.getInt("instance-identity"));
        assertEquals(3, v.getInt("executables"));
    }
}
