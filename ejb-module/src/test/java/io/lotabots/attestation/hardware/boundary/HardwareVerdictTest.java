package io.lotabots.attestation.hardware.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.entity.Verdict;
import io.lotabots.attestation.hardware.checks.HardwareReport;
import io.lotabots.attestation.hardware.checks.ReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardwareVerdictTest {

    @Test
    void passingEvidenceWithAnAnchoredAkIsAffirmed() {
        assertEquals(Verdict.AFFIRMING, HardwareAppraiser.verdict(report(List.of()), true));
    }

    @Test
    void passingEvidenceWhoseAkNothingAnchorsEarnsAWarning() {
        assertEquals(Verdict.WARNING, HardwareAppraiser.verdict(report(List.of()), false));
    }

    @Test
    void anyReasonContraindicatesWhateverTheAnchor() {
        var report = report(List.of(ReasonCode.NONCE_REUSED));
        assertEquals(Verdict.CONTRAINDICATED, HardwareAppraiser.verdict(report, true));
        assertEquals(Verdict.CONTRAINDICATED, HardwareAppraiser.verdict(report, false));
    }

    private static HardwareReport report(List<ReasonCode> reasons) {
        return new HardwareReport(List.of(), reasons, null, null);
    }
}
