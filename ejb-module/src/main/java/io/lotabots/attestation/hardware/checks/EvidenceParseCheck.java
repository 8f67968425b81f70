package io.lotabots.attestation.hardware.checks;

import io.lotabots.platform.json.Json;

/** Every required part is present and parses strictly: the quote, signature, AK, PCR file and nonce. */
public final class EvidenceParseCheck implements EvidenceCheck {

    public static final String NAME = "parse";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var problems = evidence.problems();
        var inputs = Json.createObjectBuilder();
        problems.forEach(inputs::add);
        if (problems.isEmpty()) {
            return CheckResult.passed(NAME, "quote, signature, AK and PCR file parse strictly", inputs.build());
        }
        return CheckResult.failed(
                NAME, ReasonCode.MALFORMED_EVIDENCE, String.join("; ", problems.values()), inputs.build());
    }
}
