package io.lotabots.attestation.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.refusal.FieldProblem;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelPolicyDraftTest {

    @Test
    void absentFieldsMakeThePermissiveDefaultsOfADraft() {
        var read = ModelPolicyDraft.read(null, null, null, null, null, null);

        assertEquals(ModelPolicyDraft.DEFAULT, read.draft());
    }

    @Test
    void keysAreKeptAsTheirCanonicalBlockAndFormatsInLowerCase() throws Exception {
        String key = pem("secp384r1");

        var read = ModelPolicyDraft.read(
                List.of("text before\n" + key + "text after"),
                List.of(),
                true,
                true,
                List.of("GGUF", "safetensors", "gguf"),
                5L);

        assertEquals(List.of(key), read.draft().trustedKeys());
        assertEquals(Set.of("gguf", "safetensors"), read.draft().allowedFormats());
        assertTrue(read.draft().signatureRequired() && read.draft().suspiciousPasses());
        var stored = ModelPolicyText.policy(
                "p",
                1,
                ModelPolicyText.pems(read.draft().trustedKeys()),
                "",
                true,
                true,
                ModelPolicyText.formats(read.draft().allowedFormats()),
                5L);
        assertEquals(1, stored.trust().publicKeys().size());
        assertEquals(Set.of("gguf", "safetensors"), stored.allowedFormats());
        assertEquals(List.of(key, key), ModelPolicyText.blocks(key + key));
    }

    @Test
    void everyBadFieldIsNamed() throws Exception {
        var read = ModelPolicyDraft.read(
                Arrays.asList(pem("secp256r1"), "no pem", null),
                List.of(pem("secp256r1")),
                false,
                false,
                Arrays.asList("onnx", "elf", null),
                -1L);

        assertNull(read.draft());
        assertEquals(
                List.of(
                        "trustedKeys[1]",
                        "trustedKeys[2]",
                        "trustedCas[0]",
                        "allowedFormats[1]",
                        "allowedFormats[2]",
                        "maxSizeBytes"),
                read.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void aRequiredSignatureNeedsSomethingToTrust() {
        var read = ModelPolicyDraft.read(List.of(), null, true, false, null, null);

        assertEquals(
                List.of("signatureRequired"),
                read.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void tooManyKeysAreRefusedAsAList() throws Exception {
        String key = pem("secp256r1");
        var read = ModelPolicyDraft.read(
                java.util.Collections.nCopies(ModelPolicyDraft.MAX_PEMS + 1, key), null, false, false, null, null);

        assertEquals(
                List.of("trustedKeys"),
                read.problems().stream().map(FieldProblem::field).toList());
    }

    private static String pem(String curve) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
