package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.attestation.hardware.tpm.SerializedPcrs;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcrDigestCheckTest {

    private final PcrDigestCheck check = new PcrDigestCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    @Test
    void thePcrFileTheQuoteDigestedPasses() {
        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void theDigestIsRecomputedWithTheSignaturesHash() {
        var sha384 = SyntheticQuote.of(SyntheticQuote.Kind.ECDSA_P384_SHA384);

        var result = run(check, sha384, Inputs.permissive());

        assertPassed(result);
        org.junit.jupiter.api.Assertions.assertEquals("sha384", result.inputs().getString("hash"));
        org.junit.jupiter.api.Assertions.assertEquals(
                96, result.inputs().getString("recomputed").length());
    }

    @Test
    void theSameValuesInTheValuesFormatPass() {
        quote.pcrsFormat = PcrsFormat.VALUES;
        quote.pcrSelection = "sha256:0,1,2,3,4,5,6,7";
        quote.pcrs = EvidenceParseCheckTest.concatenated(quote);

        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void aPcrFileWithOneValueChangedFails() {
        quote.quote = quote.message();
        var changed = new ArrayList<>(quote.pcrValues);
        changed.set(7, new byte[32]);
        quote.pcrs = SerializedPcrs.sha256ZeroToSeven(changed);

        assertFailed(
                run(check, quote, Inputs.permissive()),
                ReasonCode.PCR_DIGEST_MISMATCH,
                "differs from the sha256 digest");
    }

    @Test
    void aPcrFileMissingAQuotedPcrFails() {
        quote.pcrs = SerializedPcrs.of(List.<int[]>of(new int[] {0x000B, 0x7F, 0, 0}), quote.pcrValues.subList(0, 7));

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.PCR_DIGEST_MISMATCH, "lacks values");
    }

    @Test
    void aQuoteWithoutQuoteInfoIsSkipped() {
        quote.attest.type = 0x8017;

        assertSkipped(run(check, quote, Inputs.permissive()));
    }
}
