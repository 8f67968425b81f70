package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import io.lotabots.attestation.hardware.tpm.ClockState;
import io.lotabots.platform.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Verifies TPM 2.0 quote evidence against a policy: pure, thread-safe, no container needed. Every
 * check runs and is reported in a fixed order; a check whose input could not be parsed fails or is
 * skipped, it never throws. The quote's clock is reported as verified only when the signature
 * verified and, for a named device, the AK is that device's.
 */
public final class HardwareVerifier {

    /** The checks in report order (docs/hardware-verification.md describes each). */
    static final List<EvidenceCheck> CHECKS = List.of(
            new EvidenceParseCheck(),
            new MagicCheck(),
            new AttestTypeCheck(),
            new AkAttributesCheck(),
            new SignatureCheck(),
            new NonceCheck(),
            new PcrSelectionCheck(),
            new PcrDigestCheck(),
            new EventLogCheck(),
            new PcrPolicyCheck(),
            new AkCertificateCheck(),
            new EkCertificateCheck(),
            new DeviceEnrollmentCheck(),
            new ClockCheck());

    public HardwareReport verify(HardwareEvidence evidence, VerificationInputs inputs) {
        var parsed = ParsedEvidence.of(evidence, inputs);
        var results = new ArrayList<CheckResult>();
        var reasons = new LinkedHashSet<ReasonCode>();
        for (var check : CHECKS) {
            var result = run(check, parsed);
            results.add(result);
            if (result.reason() != null) {
                reasons.add(result.reason());
            }
        }
        var claims = Json.createObjectBuilder(QuoteClaims.of(parsed))
                .add("akAnchors", Json.createArrayBuilder(akAnchors(results, inputs)))
                .build();
        return new HardwareReport(results, List.copyOf(reasons), claims, verifiedClock(parsed));
    }

    /**
     * What ties the AK to a real TPM: an activated enrollment of the device, or an AK certificate from
     * a trusted CA. Without either, a passing signature only proves someone holds the AK's private key.
     */
    static List<String> akAnchors(List<CheckResult> results, VerificationInputs inputs) {
        var anchors = new ArrayList<String>();
        for (var result : results) {
            if (result.outcome() != CheckOutcome.PASSED) {
                continue;
            }
            if (result.name().equals(DeviceEnrollmentCheck.NAME)) {
                anchors.add("enrolledDevice");
            }
            if (result.name().equals(AkCertificateCheck.NAME)
                    && !inputs.policy().trustedAkCas().isEmpty()) {
                anchors.add("akCertificate");
            }
        }
        return anchors;
    }

    /** A check that trips over evidence nobody foresaw fails the verdict instead of the job. */
    private static CheckResult run(EvidenceCheck check, ParsedEvidence parsed) {
        try {
            return check.check(parsed);
        } catch (RuntimeException e) {
            return CheckResult.failed(
                    check.name(), ReasonCode.MALFORMED_EVIDENCE, "the check could not read the evidence: " + e, null);
        }
    }

    private static ClockState verifiedClock(ParsedEvidence parsed) {
        if (parsed.attest().isEmpty() || !parsed.signatureVerifies()) {
            return null;
        }
        if (parsed.inputs().device() != null && !parsed.akIsDevicesAk().orElse(false)) {
            return null;
        }
        return parsed.attest().get().clockInfo().state();
    }
}
