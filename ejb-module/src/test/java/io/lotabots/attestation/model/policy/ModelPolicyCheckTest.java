package io.lotabots.attestation.model.policy;

import static io.lotabots.attestation.model.policy.ModelPolicyCheck.Reason.FORMAT_NOT_ALLOWED;
import static io.lotabots.attestation.model.policy.ModelPolicyCheck.Reason.MODEL_MALFORMED;
import static io.lotabots.attestation.model.policy.ModelPolicyCheck.Reason.MODEL_SUSPICIOUS;
import static io.lotabots.attestation.model.policy.ModelPolicyCheck.Reason.MODEL_TOO_LARGE;
import static io.lotabots.attestation.model.policy.ModelPolicyCheck.Reason.MODEL_UNSAFE;
import static io.lotabots.attestation.model.policy.ModelPolicyCheck.Reason.SIGNATURE_REQUIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.signing.SignatureStatus;
import io.lotabots.attestation.model.signing.SignatureTrust;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelPolicyCheckTest {

    private static final Map<String, String> ONE_FILE = Map.of("model.safetensors", "safetensors");

    @Test
    void theDefaultPolicyPassesOnlyASafeModel() {
        var policy = policy(false, false, Set.of(), null);

        assertTrue(ModelPolicyCheck.apply(policy, ModelRisk.SAFE, SignatureStatus.ABSENT, ONE_FILE, 10)
                .passes());
        assertEquals(List.of(MODEL_SUSPICIOUS), reasons(policy, ModelRisk.SUSPICIOUS, SignatureStatus.ABSENT));
        assertEquals(List.of(MODEL_MALFORMED), reasons(policy, ModelRisk.MALFORMED, SignatureStatus.ABSENT));
        assertEquals(List.of(MODEL_UNSAFE), reasons(policy, ModelRisk.UNSAFE, SignatureStatus.VALID));
    }

    @Test
    void suspiciousPassesOnlyWhenThePolicySaysSoAndNothingWorseEver() {
        var policy = policy(false, true, Set.of(), null);

        assertTrue(ModelPolicyCheck.apply(policy, ModelRisk.SUSPICIOUS, SignatureStatus.ABSENT, ONE_FILE, 1)
                .passes());
        assertEquals(List.of(MODEL_MALFORMED), reasons(policy, ModelRisk.MALFORMED, SignatureStatus.VALID));
        assertEquals(List.of(MODEL_UNSAFE), reasons(policy, ModelRisk.UNSAFE, SignatureStatus.VALID));
    }

    @Test
    void aRequiredSignatureMustBeValid() {
        var policy = policy(true, false, Set.of(), null);

        assertTrue(ModelPolicyCheck.apply(policy, ModelRisk.SAFE, SignatureStatus.VALID, ONE_FILE, 1)
                .passes());
        for (var status : List.of(SignatureStatus.ABSENT, SignatureStatus.INVALID, SignatureStatus.UNSUPPORTED)) {
            assertEquals(List.of(SIGNATURE_REQUIRED), reasons(policy, ModelRisk.SAFE, status), status.name());
        }
    }

    @Test
    void formatsAndSizeAreHeldAgainstEveryFileAndEveryReasonIsReported() {
        var policy = policy(true, false, Set.of("safetensors"), 100L);
        var files = Map.of("model.safetensors", "safetensors", "extra.bin", "PICKLE");

        var outcome = ModelPolicyCheck.apply(policy, ModelRisk.UNSAFE, SignatureStatus.ABSENT, files, 101);

        assertEquals(List.of(MODEL_UNSAFE, SIGNATURE_REQUIRED, FORMAT_NOT_ALLOWED, MODEL_TOO_LARGE), outcome.reasons());
        assertEquals(Map.of("extra.bin", "pickle"), outcome.disallowedFiles());
        assertTrue(ModelPolicyCheck.apply(policy, ModelRisk.SAFE, SignatureStatus.VALID, ONE_FILE, 100)
                .passes());
    }

    private static List<ModelPolicyCheck.Reason> reasons(ModelPolicy policy, ModelRisk risk, SignatureStatus status) {
        return ModelPolicyCheck.apply(policy, risk, status, ONE_FILE, 1).reasons();
    }

    private static ModelPolicy policy(boolean signature, boolean suspicious, Set<String> formats, Long max) {
        return new ModelPolicy("p", 1, SignatureTrust.NONE, signature, suspicious, formats, max);
    }
}
