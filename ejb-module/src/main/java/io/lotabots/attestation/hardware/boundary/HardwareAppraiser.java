package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.control.Appraisal;
import io.lotabots.attestation.control.Appraiser;
import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import io.lotabots.attestation.hardware.checks.EnrolledDevice;
import io.lotabots.attestation.hardware.checks.HardwareReport;
import io.lotabots.attestation.hardware.checks.HardwareReports;
import io.lotabots.attestation.hardware.checks.HardwareTrustVector;
import io.lotabots.attestation.hardware.checks.HardwareVerifier;
import io.lotabots.attestation.hardware.checks.VerificationInputs;
import io.lotabots.attestation.hardware.evidence.EvidenceDocument;
import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import io.lotabots.attestation.hardware.policy.HardwarePolicy;
import io.lotabots.attestation.policy.PolicyVersion;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hardware's part of the attestation job: reads the stored evidence, resolves the pinned policy
 * version and the named device (locked until the verdict commits, so two quotes of one device are
 * checked against each other's clock in turn), runs the verifier and remembers the device's clock.
 */
@ApplicationScoped
public class HardwareAppraiser implements Appraiser {

    /** Pinned policy versions never change, so every server may keep what it has read; bounded by clearing. */
    private static final int MAX_PINNED = 1024;

    private final HardwareVerifier verifier = new HardwareVerifier();
    private final Map<Pinned, HardwarePolicy> pinned = new ConcurrentHashMap<>();

    @EJB
    HardwarePolicies policies;

    @EJB
    Devices devices;

    @Override
    public AttestationType type() {
        return AttestationType.HARDWARE;
    }

    @Override
    public Appraisal appraise(Attestation job, byte[] evidenceDocument, Instant now) {
        HardwareEvidence evidence = EvidenceDocument.read(evidenceDocument);
        HardwarePolicy policy = policy(job);
        boolean named = job.deviceId() != null;
        EnrolledDevice device = named
                ? devices.lockForVerification(job.tenantId(), job.deviceId()).orElse(null)
                : null;
        var inputs = new VerificationInputs(policy, NonceConsumption.valueOf(job.nonceStatus()), device, named, now);
        var report = verifier.verify(evidence, inputs);
        if (report.verifiedClock() != null && device != null) {
            devices.recordClock(job.tenantId(), device.id(), report.verifiedClock());
        }
        // An EK certificate alone does not put the AK in that TPM; only an activated enrollment or a
        // trusted AK certificate does (HardwareVerifier's akAnchors).
        boolean hardwareEstablished = anchored(report);
        var vector = HardwareTrustVector.of(
                report.reasons(),
                report.verifiedClock() != null,
                hardwareEstablished,
                !policy.referenceValues().isEmpty());
        return new Appraisal(
                verdict(report, hardwareEstablished),
                report.reasons().stream().map(Enum::name).toList(),
                HardwareReports.checkSummaries(report),
                report.claims() == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : report.claims(),
                vector,
                HardwareReports.document(report, inputs));
    }

    private HardwarePolicy policy(Attestation job) {
        var key = new Pinned(job.tenantId(), job.policyName(), job.policyVersion());
        var known = pinned.get(key);
        if (known != null) {
            return known;
        }
        var read = policies.version(job.tenantId(), new PolicyVersion(job.policyName(), job.policyVersion()));
        if (pinned.size() >= MAX_PINNED) {
            pinned.clear();
        }
        pinned.put(key, read);
        return read;
    }

    /**
     * Evidence that passes every check but whose AK nothing ties to a real TPM earns a warning, not
     * an affirmation: a software key could have produced it.
     */
    static Verdict verdict(HardwareReport report, boolean hardwareEstablished) {
        if (!report.affirming()) {
            return Verdict.CONTRAINDICATED;
        }
        return hardwareEstablished ? Verdict.AFFIRMING : Verdict.WARNING;
    }

    private static boolean anchored(HardwareReport report) {
        return report.claims() != null
                && report.claims().containsKey("akAnchors")
                && !report.claims().getJsonArray("akAnchors").isEmpty();
    }

    private record Pinned(UUID tenantId, String name, int version) {}
}
