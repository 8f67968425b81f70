package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.SerializedPcrs;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcrSelectionCheckTest {

    private final PcrSelectionCheck check = new PcrSelectionCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    @Test
    void quotePcrFileAndPolicySelectingTheSamePcrsPass() {
        quote.pcrSelection = "sha256:7,6,5,4,3,2,1,0";

        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void aPolicyWithoutASelectionAcceptsTheQuotesOwn() {
        var inputs = Inputs.permissive();
        inputs.pcrSelection = null;

        assertPassed(run(check, quote, inputs));
    }

    @Test
    void aQuoteOfOtherPcrsThanThePolicyRequiresFails() {
        var inputs = Inputs.permissive();
        inputs.pcrSelection = "sha256:0,1,2,3,4,5,6,7,8";

        assertFailed(
                run(check, quote, inputs),
                ReasonCode.PCR_SELECTION_MISMATCH,
                "the policy requires sha256:0,1,2,3,4,5,6,7,8");
    }

    @Test
    void aPcrFileOfOtherPcrsThanTheQuoteFails() {
        quote.pcrs = SerializedPcrs.of(List.<int[]>of(new int[] {0x000B, 0x7F, 0, 0}), quote.pcrValues.subList(0, 7));

        assertFailed(
                run(check, quote, Inputs.permissive()),
                ReasonCode.PCR_SELECTION_MISMATCH,
                "the PCR file holds sha256:0,1,2,3,4,5,6");
    }

    @Test
    void aSubmittedSelectionOtherThanTheQuotesFails() {
        quote.pcrSelection = "sha1:0,1,2,3,4,5,6,7";

        assertFailed(
                run(check, quote, Inputs.permissive()),
                ReasonCode.PCR_SELECTION_MISMATCH,
                "the submitted pcrSelection");
    }

    @Test
    void anUnreadablePolicySelectionFails() {
        var inputs = Inputs.permissive();
        inputs.pcrSelection = "sha256:eight";

        assertFailed(run(check, quote, inputs), ReasonCode.PCR_SELECTION_MISMATCH, "policy's selection is unreadable");
    }

    @Test
    void anUnreadablePcrFileIsSkipped() {
        quote.pcrs = new byte[0];

        assertSkipped(run(check, quote, Inputs.permissive()));
    }
}
