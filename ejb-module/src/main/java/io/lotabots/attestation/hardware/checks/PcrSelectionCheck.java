package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.MalformedEvidenceException;
import io.lotabots.attestation.hardware.tpm.PcrSelection;
import io.lotabots.platform.json.Json;
import java.util.ArrayList;

/**
 * The quote selects exactly the PCRs the PCR file holds, the pcrSelection sent with it (if any) and
 * the policy's selection (if it sets one). Bank order does not matter; the PCRs do.
 */
public final class PcrSelectionCheck implements EvidenceCheck {

    public static final String NAME = "pcrSelection";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var quoteInfo = evidence.quoteInfo();
        var pcrs = evidence.pcrs();
        if (quoteInfo.isEmpty() || pcrs.isEmpty()) {
            return CheckResult.skipped(NAME, "the quote or the PCR file is missing or did not parse");
        }
        var quoted = quoteInfo.get().selection();
        var inputs = Json.createObjectBuilder()
                .add("quote", quoted.toString())
                .add("pcrFile", pcrs.get().selection().toString());
        var differences = new ArrayList<String>();
        if (!quoted.sameAs(pcrs.get().selection())) {
            differences.add("the PCR file holds " + pcrs.get().selection());
        }
        evidence.submittedSelection().ifPresent(submitted -> {
            inputs.add("submitted", submitted.toString());
            if (!quoted.sameAs(submitted)) {
                differences.add("the submitted pcrSelection is " + submitted);
            }
        });
        var policySelection = evidence.inputs().policy().pcrSelection();
        if (policySelection != null && !policySelection.isBlank()) {
            inputs.add("policy", policySelection);
            try {
                var required = PcrSelection.parse(policySelection);
                if (!quoted.sameAs(required)) {
                    differences.add("the policy requires " + required);
                }
            } catch (MalformedEvidenceException e) {
                differences.add("the policy's selection is unreadable (" + e.getMessage() + ")");
            }
        }
        if (differences.isEmpty()) {
            return CheckResult.passed(NAME, "quote, PCR file and policy select " + quoted, inputs.build());
        }
        return CheckResult.failed(
                NAME,
                ReasonCode.PCR_SELECTION_MISMATCH,
                "the quote selects " + quoted + " but " + String.join(", ", differences),
                inputs.build());
    }
}
