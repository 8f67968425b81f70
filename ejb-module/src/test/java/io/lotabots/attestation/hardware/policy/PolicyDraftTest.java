package io.lotabots.attestation.hardware.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.hardware.tpm.TestAuthority;
import io.lotabots.platform.refusal.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyDraftTest {

    private static final String SHA256_ZERO = "0".repeat(64);
    private static final TestAuthority CA = TestAuthority.root("EK CA");

    @Test
    void makesTheContentCanonical() {
        PolicyDraft draft = PolicyDraft.read(
                        "sha256:0-3",
                        Map.of("sha256:0", List.of(SHA256_ZERO.toUpperCase(), " " + "a".repeat(64) + " ")),
                        true,
                        null,
                        List.of(TestAuthority.pem(CA.certificate)),
                        null)
                .draft();

        assertEquals("sha256:0,1,2,3", draft.pcrSelection());
        assertEquals(Map.of("sha256:0", Set.of(SHA256_ZERO, "a".repeat(64))), draft.referenceValues());
        assertTrue(draft.eventLogRequired());
        assertEquals(List.of(CA.certificate), draft.trustedEkCas());
        assertEquals(List.of(), draft.trustedAkCas());
        assertEquals(false, draft.enrolledDeviceRequired());
    }

    @Test
    void theDefaultPolicyAsksForPcrsZeroToSevenAndNothingElse() {
        HardwarePolicy policy = PolicyDraft.DEFAULT.toPolicy("default", 1);

        assertEquals("sha256:0,1,2,3,4,5,6,7", policy.pcrSelection());
        assertTrue(policy.referenceValues().isEmpty());
        assertTrue(policy.trustedAkCas().isEmpty() && policy.trustedEkCas().isEmpty());
        assertTrue(!policy.eventLogRequired() && !policy.enrolledDeviceRequired());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        PolicyDraft.Result result = PolicyDraft.read(
                "sha256:0,1",
                Map.of(
                        "sha256:0", List.of("abcd"),
                        "sha256:9", List.of(SHA256_ZERO),
                        "pcr0", List.of(SHA256_ZERO),
                        "sha1:0", List.of("0".repeat(40)),
                        "sha256:1", List.of()),
                null,
                List.of("-----BEGIN CERTIFICATE-----\nnot a cert\n-----END CERTIFICATE-----"),
                List.of("garbage"),
                null);

        assertNull(result.draft());
        var fields =
                result.problems().stream().map(FieldProblem::field).sorted().toList();
        assertEquals(
                List.of(
                        "referenceValues.pcr0",
                        "referenceValues.sha1:0",
                        "referenceValues.sha256:0",
                        "referenceValues.sha256:1",
                        "referenceValues.sha256:9",
                        "trustedAkCas[0]",
                        "trustedEkCas[0]"),
                fields);
        assertTrue(result.problems().stream()
                .anyMatch(p -> p.message().contains("is not 64 hex digits (a sha256 digest)")));
    }

    @Test
    void rejectsABadSelection() {
        PolicyDraft.Result result = PolicyDraft.read("sha256:99", null, null, null, null, null);

        assertEquals(
                List.of(new FieldProblem("pcrSelection", "PCR selection \"sha256:99\": PCR 99 is out of range 0-23")),
                result.problems());
    }

    @Test
    void rejectsADigestOfAnotherBanksLength() {
        PolicyDraft.Result result =
                PolicyDraft.read("sha1:0", Map.of("sha1:0", List.of(SHA256_ZERO)), null, null, null, null);

        assertEquals("referenceValues.sha1:0", result.problems().get(0).field());
        assertTrue(result.problems().get(0).message().contains("40 hex digits"));
    }
}
