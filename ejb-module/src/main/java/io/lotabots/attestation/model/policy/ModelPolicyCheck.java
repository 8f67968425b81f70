package io.lotabots.attestation.model.policy;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.signing.SignatureStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model's scan and signature held against one policy version. The verdict already counts the
 * signature's findings (an invalid signature's are {@code suspicious}), so the signature status matters
 * here only for whether the policy requires a valid one. Every reason is reported, not just the first.
 */
public final class ModelPolicyCheck {

    /** Why a model failed its policy; the names are the job's reason codes. */
    public enum Reason {
        MODEL_UNSAFE,
        MODEL_MALFORMED,
        MODEL_SUSPICIOUS,
        SIGNATURE_REQUIRED,
        FORMAT_NOT_ALLOWED,
        MODEL_TOO_LARGE
    }

    /**
     * What the policy made of the model.
     *
     * @param reasons empty when the policy passes
     * @param disallowedFiles path → format of each file whose format the policy does not allow
     */
    public record Outcome(List<Reason> reasons, Map<String, String> disallowedFiles) {

        public Outcome {
            reasons = List.copyOf(reasons);
            disallowedFiles = Map.copyOf(disallowedFiles);
        }

        public boolean passes() {
            return reasons.isEmpty();
        }
    }

    private ModelPolicyCheck() {}

    /**
     * @param verdict the worst risk among the scan's and the signature's findings
     * @param formats each file's detected format (lower case), by path
     * @param totalBytes the model's size, all files
     */
    public static Outcome apply(
            ModelPolicy policy,
            ModelRisk verdict,
            SignatureStatus signature,
            Map<String, String> formats,
            long totalBytes) {
        List<Reason> reasons = new ArrayList<>();
        switch (verdict) {
            case UNSAFE -> reasons.add(Reason.MODEL_UNSAFE);
            case MALFORMED -> reasons.add(Reason.MODEL_MALFORMED);
            case SUSPICIOUS -> {
                if (!policy.suspiciousPasses()) {
                    reasons.add(Reason.MODEL_SUSPICIOUS);
                }
            }
            case SAFE -> {
                // nothing found
            }
        }
        if (policy.signatureRequired() && signature != SignatureStatus.VALID) {
            reasons.add(Reason.SIGNATURE_REQUIRED);
        }
        Map<String, String> disallowed = new TreeMap<>();
        if (!policy.allowedFormats().isEmpty()) {
            formats.forEach((path, format) -> {
                if (!policy.allowedFormats().contains(format.toLowerCase(Locale.ROOT))) {
                    disallowed.put(path, format.toLowerCase(Locale.ROOT));
                }
            });
            if (!disallowed.isEmpty()) {
                reasons.add(Reason.FORMAT_NOT_ALLOWED);
            }
        }
        if (policy.maxSizeBytes() != null && totalBytes > policy.maxSizeBytes()) {
            reasons.add(Reason.MODEL_TOO_LARGE);
        }
        return new Outcome(reasons, disallowed);
    }
}
