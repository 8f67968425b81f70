package io.lotabots.attestation.model.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.entity.Verdict;
import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.signing.SignatureStatus;
import org.junit.jupiter.api.Test;

class ModelAppraiserVerdictTest {

    @Test
    void affirmingOnlyForAPassingPolicyAValidSignatureAndNothingFound() {
        assertEquals(Verdict.AFFIRMING, ModelAppraiser.verdict(true, ModelRisk.SAFE, SignatureStatus.VALID));
        assertEquals(Verdict.WARNING, ModelAppraiser.verdict(true, ModelRisk.SAFE, SignatureStatus.ABSENT));
        assertEquals(Verdict.WARNING, ModelAppraiser.verdict(true, ModelRisk.SUSPICIOUS, SignatureStatus.VALID));
        assertEquals(Verdict.CONTRAINDICATED, ModelAppraiser.verdict(false, ModelRisk.SAFE, SignatureStatus.VALID));
        assertEquals(Verdict.CONTRAINDICATED, ModelAppraiser.verdict(false, ModelRisk.UNSAFE, SignatureStatus.ABSENT));
    }
}
