package io.lotabots.attestation.model.boundary;

import io.lotabots.attestation.control.Appraisal;
import io.lotabots.attestation.control.Appraiser;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.evidence.ModelEvidenceDocument;
import io.lotabots.attestation.model.policy.ModelPolicy;
import io.lotabots.attestation.model.policy.ModelPolicyCheck;
import io.lotabots.attestation.model.scan.ModelScan;
import io.lotabots.attestation.model.scan.ModelScanner;
import io.lotabots.attestation.model.signing.ModelRootDigest;
import io.lotabots.attestation.model.signing.ModelSignatureVerifier;
import io.lotabots.attestation.model.signing.SignatureOptions;
import io.lotabots.attestation.model.signing.SignatureStatus;
import io.lotabots.attestation.model.signing.SignatureVerification;
import io.lotabots.attestation.policy.PolicyVersion;
import io.lotabots.model.boundary.ModelRecords;
import io.lotabots.model.control.ModelFile;
import io.lotabots.model.control.ModelTree;
import io.lotabots.platform.json.Json;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model attestation's part of the job: reads the stored model through its {@link ModelTree}, scans every
 * file, verifies its {@code model.sig} against what the pinned policy version trusts, and holds both against
 * that version. The claims carry the model's root digest (model_signing's manifest digest), its verdict,
 * the signature and every finding.
 */
@ApplicationScoped
public class ModelAppraiser implements Appraiser {

    /** Where model_signing puts the signature in a model directory. */
    static final String SIGNATURE_PATH = "model.sig";

    // AR4SI trustworthiness claim values (draft-ietf-rats-ar4si)
    private static final int AFFIRMING = 2;
    private static final int WARNING = 32;
    private static final int CONTRAINDICATED = 96;

    @EJB
    ModelRecords models;

    @EJB
    ModelPolicies policies;

    @Inject
    Clock clock;

    @Inject
    ModelScanMetrics metrics;

    @Override
    public AttestationType type() {
        return AttestationType.MODEL;
    }

    @Override
    public Appraisal appraise(Attestation job, byte[] evidenceDocument, Instant now) {
        var evidence = ModelEvidenceDocument.read(evidenceDocument);
        ModelPolicy policy =
                policies.version(job.tenantId(), new PolicyVersion(evidence.policyName(), evidence.policyVersion()));
        ModelTree tree = models.tree(job.tenantId(), evidence.modelId());
        long size = tree.files().stream().mapToLong(ModelFile::size).sum();
        long started = System.nanoTime();
        ModelScan scan = new ModelScanner().scan(tree);
        SignatureVerification signature;
        try {
            signature = new ModelSignatureVerifier(clock)
                    .verify(tree, SIGNATURE_PATH, policy.trust(), SignatureOptions.DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        metrics.scanned(size, Duration.ofNanos(System.nanoTime() - started));
        List<Finding> findings = new ArrayList<>(scan.findings());
        findings.addAll(signature.findings());
        ModelRisk risk = findings.stream().map(Finding::severity).reduce(ModelRisk.SAFE, ModelRisk::worse);
        Map<String, String> formats = new TreeMap<>();
        scan.files().forEach(f -> formats.put(f.path(), f.format().name().toLowerCase(Locale.ROOT)));
        var outcome = ModelPolicyCheck.apply(policy, risk, signature.status(), formats, size);
        Verdict verdict = verdict(outcome.passes(), risk, signature.status());
        String rootDigest = signature.rootDigest() != null
                ? signature.rootDigest()
                : ModelRootDigest.ofFiles(tree.files(), SIGNATURE_PATH);

        JsonObject claims = claims(evidence, rootDigest, risk, signature, policy, formats, size, findings);
        var reasons = outcome.reasons().stream().map(Enum::name).toList();
        var checks = Json.createArrayBuilder()
                .add(check(
                        "scan",
                        risk == ModelRisk.SAFE || risk == ModelRisk.SUSPICIOUS && policy.suspiciousPasses(),
                        "verdict " + label(risk) + ", " + scan.findings().size() + " finding(s)"))
                .add(check(
                        "signature",
                        signature.status() == SignatureStatus.VALID
                                || signature.status() == SignatureStatus.ABSENT && !policy.signatureRequired(),
                        label(signature.status())))
                .add(check("policy", outcome.passes(), reasons.isEmpty() ? "passes" : String.join(", ", reasons)))
                .build();
        var vector = Json.createObjectBuilder()
                .add(
                        "executables",
                        risk == ModelRisk.SAFE ? AFFIRMING : risk == ModelRisk.SUSPICIOUS ? WARNING : CONTRAINDICATED)
                .add(
                        "file-system",
                        switch (signature.status()) {
                            case VALID -> AFFIRMING;
                            case INVALID -> CONTRAINDICATED;
                            default -> 0;
                        })
                .build();
        var disallowed = Json.createObjectBuilder();
        outcome.disallowedFiles().forEach(disallowed::add);
        var report = Json.createObjectBuilder()
                .add("outcome", outcome.passes() ? "passes" : "fails")
                .add("reasons", Json.createArrayBuilder(reasons))
                .add("disallowedFiles", disallowed)
                .add("claims", claims)
                .build();
        return new Appraisal(verdict, reasons, checks, claims, vector, report);
    }

    /** Affirming only for a valid signature and nothing found; a pass with less is a warning. */
    static Verdict verdict(boolean passes, ModelRisk risk, SignatureStatus signature) {
        if (!passes) {
            return Verdict.CONTRAINDICATED;
        }
        return risk == ModelRisk.SAFE && signature == SignatureStatus.VALID ? Verdict.AFFIRMING : Verdict.WARNING;
    }

    private static JsonObject claims(
            ModelEvidenceDocument.ModelEvidence evidence,
            String rootDigest,
            ModelRisk risk,
            SignatureVerification signature,
            ModelPolicy policy,
            Map<String, String> formats,
            long size,
            List<Finding> findings) {
        JsonObjectBuilder sig = Json.createObjectBuilder().add("status", label(signature.status()));
        if (signature.signer() != null) {
            var s = signature.signer();
            var signer =
                    Json.createObjectBuilder().add("method", s.method().name().toLowerCase(Locale.ROOT));
            optional(signer, "keyHint", s.keyHint());
            optional(signer, "subject", s.subject());
            optional(signer, "issuer", s.issuer());
            sig.add("signer", signer);
        } else {
            sig.addNull("signer");
        }
        optional(sig, "serialization", signature.serializationMethod());
        var files = Json.createObjectBuilder();
        formats.forEach(files::add);
        JsonArrayBuilder list = Json.createArrayBuilder();
        findings.forEach(f -> list.add(finding(f)));
        return Json.createObjectBuilder()
                .add("modelId", evidence.modelId().toString())
                .add("rootDigest", rootDigest)
                .add("verdict", label(risk))
                .add("signature", sig)
                .add(
                        "policy",
                        Json.createObjectBuilder().add("name", policy.name()).add("version", policy.version()))
                .add("sizeBytes", size)
                .add("formats", files)
                .add("findings", list)
                .build();
    }

    private static JsonObject finding(Finding f) {
        var b = Json.createObjectBuilder().add("file", f.file());
        optional(b, "entry", f.entry());
        if (f.offset() != null) {
            b.add("offset", f.offset());
        }
        optional(b, "opcode", f.opcode());
        optional(b, "global", f.global());
        return b.add("rule", f.rule())
                .add("severity", label(f.severity()))
                .add("detail", f.detail())
                .build();
    }

    private static JsonObjectBuilder check(String name, boolean passed, String detail) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("outcome", passed ? "PASS" : "FAIL")
                .add("detail", detail);
    }

    private static void optional(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
