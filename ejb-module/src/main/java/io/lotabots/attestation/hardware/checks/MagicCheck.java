package io.lotabots.attestation.hardware.checks;

import io.lotabots.platform.json.Json;

/** The quote starts with TPM_GENERATED_VALUE, which a TPM puts only in structures it made itself. */
public final class MagicCheck implements EvidenceCheck {

    public static final String NAME = "magic";

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
        var magic = String.format("%08x", attest.get().magic());
        var inputs = Json.createObjectBuilder().add("magic", magic).build();
        if (attest.get().generatedByTpm()) {
            return CheckResult.passed(NAME, "magic is TPM_GENERATED_VALUE", inputs);
        }
        return CheckResult.failed(
                NAME, ReasonCode.BAD_MAGIC, "magic is 0x" + magic + ", not TPM_GENERATED_VALUE 0xff544347", inputs);
    }
}
