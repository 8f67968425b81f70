package io.lotabots.attestation.hardware.checks;

import io.lotabots.platform.json.Json;
import java.security.MessageDigest;

/**
 * The quote's pcrDigest equals the hash of the PCR file's values, concatenated in the quote's
 * selection order, with the signature scheme's hash: this binds the unsigned PCR file to the quote.
 */
public final class PcrDigestCheck implements EvidenceCheck {

    public static final String NAME = "pcrDigest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var quoteInfo = evidence.quoteInfo();
        var pcrs = evidence.pcrs();
        var signature = evidence.signature();
        if (quoteInfo.isEmpty() || pcrs.isEmpty() || signature.isEmpty()) {
            return CheckResult.skipped(NAME, "the quote, the signature or the PCR file is missing or did not parse");
        }
        var hash = signature.get().hash();
        var quoted = quoteInfo.get().pcrDigest();
        var inputs = Json.createObjectBuilder().add("hash", hash.bankName()).add("quoted", Hex.of(quoted));
        var recomputed = pcrs.get().digest(quoteInfo.get().selection(), hash);
        if (recomputed.isEmpty()) {
            return CheckResult.failed(
                    NAME,
                    ReasonCode.PCR_DIGEST_MISMATCH,
                    "the PCR file lacks values for PCRs the quote selects",
                    inputs.build());
        }
        inputs.add("recomputed", Hex.of(recomputed.get()));
        if (MessageDigest.isEqual(quoted, recomputed.get())) {
            return CheckResult.passed(NAME, "pcrDigest matches the PCR file", inputs.build());
        }
        return CheckResult.failed(
                NAME,
                ReasonCode.PCR_DIGEST_MISMATCH,
                "pcrDigest differs from the " + hash.bankName() + " digest of the PCR file's values",
                inputs.build());
    }
}
