package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.PcrId;
import io.lotabots.attestation.hardware.tpm.PcrValues;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.platform.json.Json;
import java.util.ArrayList;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Every PCR the policy gives reference values for ({@code bank:index} → allowed lower-case hex
 * digests) is quoted and holds one of them. A PCR the policy does not name may hold anything.
 */
public final class PcrPolicyCheck implements EvidenceCheck {

    public static final String NAME = "pcrPolicy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var references = evidence.inputs().policy().referenceValues();
        if (references.isEmpty()) {
            return CheckResult.skipped(NAME, "the policy sets no reference values");
        }
        var pcrs = evidence.pcrs();
        if (pcrs.isEmpty()) {
            return CheckResult.skipped(NAME, "the PCR file is missing or did not parse");
        }
        var violations = new ArrayList<String>();
        var actual = Json.createObjectBuilder();
        for (var entry : new TreeMap<>(references).entrySet()) {
            var value = valueOf(entry.getKey(), pcrs.get());
            actual.add(entry.getKey(), value == null ? "not quoted" : value);
            boolean allowed = value != null
                    && entry.getValue().stream()
                            .anyMatch(digest -> digest.toLowerCase(Locale.ROOT).equals(value));
            if (!allowed) {
                violations.add(entry.getKey());
            }
        }
        var inputs = Json.createObjectBuilder()
                .add("values", actual)
                .add("violations", Json.createArrayBuilder(violations))
                .build();
        if (violations.isEmpty()) {
            return CheckResult.passed(NAME, references.size() + " PCRs hold allowed values", inputs);
        }
        return CheckResult.failed(
                NAME,
                ReasonCode.PCR_POLICY_VIOLATION,
                String.join(", ", violations) + " not quoted or not an allowed value",
                inputs);
    }

    /** The PCR's value in hex, or null when the key is not {@code bank:index} or the PCR was not quoted. */
    private static String valueOf(String key, PcrValues pcrs) {
        int colon = key.indexOf(':');
        if (colon < 0 || !key.substring(colon + 1).matches("[0-9]{1,2}")) {
            return null;
        }
        return TpmHash.ofBankName(key.substring(0, colon))
                .flatMap(bank -> pcrs.value(new PcrId(bank, Integer.parseInt(key.substring(colon + 1)))))
                .map(Hex::of)
                .orElse(null);
    }
}
