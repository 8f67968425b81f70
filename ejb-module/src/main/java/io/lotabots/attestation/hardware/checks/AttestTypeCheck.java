package io.lotabots.attestation.hardware.checks;

import io.lotabots.platform.json.Json;

/** The attestation structure is a quote (TPM_ST_ATTEST_QUOTE), not a certify, time or audit structure. */
public final class AttestTypeCheck implements EvidenceCheck {

    public static final String NAME = "attestType";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var attest = evidence.attest();
        if (attest.isEmpty()) {
            return CheckResult.skipped(NAME, "the quote did not parse");
        }
        var type = String.format("%04x", attest.get().type());
        var inputs = Json.createObjectBuilder().add("type", type).build();
        if (attest.get().isQuote()) {
            return CheckResult.passed(NAME, "type is TPM_ST_ATTEST_QUOTE", inputs);
        }
        return CheckResult.failed(
                NAME, ReasonCode.WRONG_ATTEST_TYPE, "type is 0x" + type + ", not TPM_ST_ATTEST_QUOTE 0x8018", inputs);
    }
}
