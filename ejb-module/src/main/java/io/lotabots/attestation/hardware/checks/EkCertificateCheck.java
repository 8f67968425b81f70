package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.MalformedEvidenceException;
import io.lotabots.platform.json.Json;

/**
 * The EK certificate chains to one of the policy's trusted EK CAs (TPM vendors' roots), accepting
 * the non-strict DER real vendors ship. Required when the policy trusts EK CAs, skipped otherwise.
 */
public final class EkCertificateCheck implements EvidenceCheck {

    public static final String NAME = "ekCertificate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var anchors = evidence.inputs().policy().trustedEkCas();
        var sent = evidence.submitted().ekCertificate();
        if (anchors.isEmpty()) {
            return CheckResult.skipped(NAME, "the policy trusts no EK CA");
        }
        if (sent == null) {
            return CheckResult.failed(
                    NAME,
                    ReasonCode.EK_CERT_UNTRUSTED,
                    "the policy requires an EK certificate and none was sent",
                    null);
        }
        SubmittedCertificates certificates;
        try {
            certificates = SubmittedCertificates.read(sent, evidence.submitted().certificateChain());
        } catch (MalformedEvidenceException e) {
            return CheckResult.failed(NAME, ReasonCode.EK_CERT_UNTRUSTED, e.getMessage(), null);
        }
        var validation = certificates.validate(anchors, evidence.inputs().now());
        var inputs = Json.createObjectBuilder()
                .add("subject", certificates.subject())
                .add("anchors", anchors.size())
                .add("chain", validation.detail() == null ? "" : validation.detail())
                .build();
        if (validation.trusted()) {
            return CheckResult.passed(NAME, "the EK certificate chains to a trusted EK CA", inputs);
        }
        return CheckResult.failed(
                NAME,
                ReasonCode.EK_CERT_UNTRUSTED,
                "the EK certificate does not chain to a trusted EK CA: " + validation.detail(),
                inputs);
    }
}
