package io.lotabots.attestation.hardware.checks;

import io.lotabots.platform.json.Json;

/** The TPMT_SIGNATURE verifies over the submitted TPMS_ATTEST bytes with the AK's public key. */
public final class SignatureCheck implements EvidenceCheck {

    public static final String NAME = "signature";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var signature = evidence.signature();
        var key = evidence.akKey();
        if (signature.isEmpty() || key.isEmpty() || evidence.submitted().quote() == null) {
            return CheckResult.skipped(NAME, "the signature, the AK or the quote is missing or did not parse");
        }
        var inputs = Json.createObjectBuilder()
                .add("scheme", signature.get().scheme().name())
                .add("hash", signature.get().hash().bankName())
                .add("keyAlgorithm", key.get().getAlgorithm())
                .build();
        if (evidence.signatureVerifies()) {
            return CheckResult.passed(NAME, signature.get().scheme() + " signature verifies with the AK", inputs);
        }
        return CheckResult.failed(
                NAME,
                ReasonCode.SIGNATURE_INVALID,
                signature.get().scheme() + "/" + signature.get().hash().bankName()
                        + " signature does not verify over the quote with the "
                        + key.get().getAlgorithm() + " AK",
                inputs);
    }
}
