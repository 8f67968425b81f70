package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PcrPolicyCheckTest {

    private final PcrPolicyCheck check = new PcrPolicyCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    private Inputs requiring(Map<String, Set<String>> references) {
        var inputs = Inputs.permissive();
        inputs.referenceValues = references;
        return inputs;
    }

    private String pcr(int index) {
        return Hex.of(quote.pcrValues.get(index));
    }

    @Test
    void aPolicyWithoutReferenceValuesIsSkipped() {
        assertSkipped(run(check, quote, Inputs.permissive()));
    }

    @Test
    void pcrsHoldingOneOfTheirAllowedValuesPass() {
        var inputs = requiring(Map.of(
                "sha256:0", Set.of(pcr(0)),
                "sha256:7", Set.of("00".repeat(32), pcr(7).toUpperCase(Locale.ROOT))));

        assertPassed(run(check, quote, inputs));
    }

    @Test
    void aPcrHoldingAnotherValueFails() {
        var inputs = requiring(Map.of("sha256:0", Set.of(pcr(0)), "sha256:7", Set.of("00".repeat(32))));

        assertFailed(
                run(check, quote, inputs),
                ReasonCode.PCR_POLICY_VIOLATION,
                "sha256:7 not quoted or not an allowed value");
    }

    @Test
    void aPcrThePolicyNamesButTheQuoteLeftOutFails() {
        var inputs = requiring(Map.of("sha256:10", Set.of(pcr(0)), "sha1:0", Set.of(pcr(0))));

        assertFailed(run(check, quote, inputs), ReasonCode.PCR_POLICY_VIOLATION, "sha1:0, sha256:10");
    }

    @Test
    void aReferenceKeyThatIsNoPcrFails() {
        assertFailed(
                run(check, quote, requiring(Map.of("pcr7", Set.of(pcr(7))))), ReasonCode.PCR_POLICY_VIOLATION, "pcr7");
    }
}
