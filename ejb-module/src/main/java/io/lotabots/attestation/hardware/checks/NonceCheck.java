package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.platform.json.Json;
import java.security.MessageDigest;

/**
 * The nonce was issued to this tenant, is fresh and unused (the nonce store's answer), and the quote's
 * extraData is exactly that nonce, compared as bytes.
 */
public final class NonceCheck implements EvidenceCheck {

    public static final String NAME = "nonce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var nonce = evidence.submitted().nonce();
        var status = evidence.inputs().nonceStatus() == null
                ? NonceConsumption.UNKNOWN
                : evidence.inputs().nonceStatus();
        var inputs = Json.createObjectBuilder().add("status", status.name());
        if (nonce != null) {
            inputs.add("nonce", Hex.of(nonce));
        }
        evidence.attest().ifPresent(attest -> inputs.add("extraData", Hex.of(attest.extraData())));
        switch (status) {
            case UNKNOWN:
                return CheckResult.failed(
                        NAME, ReasonCode.NONCE_UNKNOWN, "the nonce was not issued to this tenant", inputs.build());
            case EXPIRED:
                return CheckResult.failed(
                        NAME, ReasonCode.NONCE_EXPIRED, "the nonce expired before it was used", inputs.build());
            case REUSED:
                return CheckResult.failed(NAME, ReasonCode.NONCE_REUSED, "the nonce was used before", inputs.build());
            default:
                break;
        }
        if (evidence.attest().isEmpty() || nonce == null) {
            return CheckResult.skipped(NAME, "the quote or the nonce is missing or did not parse");
        }
        if (MessageDigest.isEqual(evidence.attest().get().extraData(), nonce)) {
            return CheckResult.passed(NAME, "extraData is the issued nonce", inputs.build());
        }
        return CheckResult.failed(
                NAME, ReasonCode.NONCE_MISMATCH, "the quote's extraData differs from the nonce", inputs.build());
    }
}
