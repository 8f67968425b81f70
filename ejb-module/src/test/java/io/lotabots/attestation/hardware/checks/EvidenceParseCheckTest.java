package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.Marshalled;
import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvidenceParseCheckTest {

    private final EvidenceParseCheck check = new EvidenceParseCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    @Test
    void completeEvidencePasses() {
        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void aTruncatedQuoteIsMalformed() {
        quote.quote = Arrays.copyOf(quote.message(), 100);

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.MALFORMED_EVIDENCE, "TPMS_ATTEST:");
    }

    @Test
    void anUnreadableSignatureIsMalformed() {
        quote.signature = new byte[] {0, 0x18};

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.MALFORMED_EVIDENCE, "TPMT_SIGNATURE: hash");
    }

    @Test
    void anUnreadablePcrFileIsMalformed() {
        quote.pcrs = new byte[667];

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.MALFORMED_EVIDENCE, "PCR file (serialized)");
    }

    @Test
    void evidenceWithoutAnAkIsMalformed() {
        quote.akPublicKeyPem = null;
        quote.akPublicArea = null;

        assertFailed(
                run(check, quote, Inputs.permissive()), ReasonCode.MALFORMED_EVIDENCE, "akPublicKey or akPublicArea");
    }

    @Test
    void aPemAndAPublicAreaOfDifferentKeysAreMalformed() {
        quote.akPublicKeyPem =
                SyntheticQuote.pem(PublicAreas.newEcKeyPair("secp256r1").getPublic());

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.MALFORMED_EVIDENCE, "different keys");
    }

    @Test
    void anUnreadablePublicAreaIsMalformed() {
        quote.akPublicArea = new byte[] {0, 1, 0};

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.MALFORMED_EVIDENCE, "TPM2B_PUBLIC");
    }

    @Test
    void valuesFormatWithItsSelectionPasses() {
        quote.pcrsFormat = PcrsFormat.VALUES;
        quote.pcrSelection = "sha256:0,1,2,3,4,5,6,7";
        quote.pcrs = Marshalled.bytes().raw(concatenated(quote)).build();

        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void valuesFormatWithoutASelectionIsMalformed() {
        quote.pcrsFormat = PcrsFormat.VALUES;
        quote.pcrs = concatenated(quote);

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.MALFORMED_EVIDENCE, "needs a pcrSelection");
    }

    @Test
    void anUnreadableSelectionIsMalformed() {
        quote.pcrSelection = "sha256:0-x";

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.MALFORMED_EVIDENCE, "\"x\" is not a PCR index");
    }

    @Test
    void evidenceWithoutANonceIsMalformed() {
        quote.message();
        quote.quote = quote.message();
        quote.nonce = null;

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.MALFORMED_EVIDENCE, "nonce: absent");
    }

    static byte[] concatenated(SyntheticQuote quote) {
        var out = Marshalled.bytes();
        quote.pcrValues.forEach(out::raw);
        return out.build();
    }
}
