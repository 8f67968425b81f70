package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.MalformedEvidenceException;
import io.lotabots.platform.json.Json;

/**
 * The AK certificate chains to one of the policy's trusted AK CAs and certifies this AK (its public key
 * is the AK's). Required when the policy trusts AK CAs; a certificate sent without them is only
 * matched against the AK.
 */
public final class AkCertificateCheck implements EvidenceCheck {

    public static final String NAME = "akCertificate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var anchors = evidence.inputs().policy().trustedAkCas();
        var sent = evidence.submitted().akCertificate();
        if (sent == null) {
            if (anchors.isEmpty()) {
                return CheckResult.skipped(NAME, "no AK certificate was sent and the policy trusts no AK CA");
            }
            return CheckResult.failed(
                    NAME,
                    ReasonCode.AK_CERT_UNTRUSTED,
                    "the policy requires an AK certificate and none was sent",
                    null);
        }
        SubmittedCertificates certificates;
        try {
            certificates = SubmittedCertificates.read(sent, evidence.submitted().certificateChain());
        } catch (MalformedEvidenceException e) {
            return CheckResult.failed(NAME, ReasonCode.AK_CERT_UNTRUSTED, e.getMessage(), null);
        }
        var inputs = Json.createObjectBuilder()
                .add("subject", certificates.subject())
                .add("anchors", anchors.size());
        if (!anchors.isEmpty()) {
            var validation = certificates.validate(anchors, evidence.inputs().now());
            inputs.add("chain", validation.detail() == null ? "" : validation.detail());
            if (!validation.trusted()) {
                return CheckResult.failed(
                        NAME,
                        ReasonCode.AK_CERT_UNTRUSTED,
                        "the AK certificate does not chain to a trusted AK CA: " + validation.detail(),
                        inputs.build());
            }
        }
        var key = evidence.akKey();
        if (key.isEmpty()) {
            return CheckResult.skipped(NAME, "no AK to compare the certificate with (missing or did not parse)");
        }
        if (!ParsedEvidence.sameKey(certificates.leaf().getPublicKey(), key.get())) {
            return CheckResult.failed(
                    NAME,
                    ReasonCode.AK_CERT_MISMATCH,
                    "the AK certificate certifies another key than the AK",
                    inputs.build());
        }
        return CheckResult.passed(
                NAME,
                anchors.isEmpty()
                        ? "the AK certificate certifies this AK (the policy trusts no AK CA to chain to)"
                        : "the AK certificate chains to a trusted AK CA and certifies this AK",
                inputs.build());
    }
}
