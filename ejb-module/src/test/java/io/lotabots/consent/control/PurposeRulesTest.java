package io.lotabots.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.refusal.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurposeRulesTest {

    @Test
    void aValidPurposeHasNoProblems() {
        assertTrue(PurposeRules.purpose(
                        "model-provenance", "Provenance", "Who uploaded what.", "consent", List.of("MODEL_UPLOAD"))
                .isEmpty());
        assertTrue(PurposeRules.purpose("ab", "n", "d", "LEGITIMATE_INTERESTS", null)
                .isEmpty());
    }

    @Test
    void eachBrokenFieldIsNamed() {
        assertEquals(
                List.of("code", "name", "description", "legalBasis", "requiredFor[0]"),
                fields(PurposeRules.purpose("A", " ", null, "whim", List.of("NOTHING"))));
        assertEquals(List.of("code"), fields(PurposeRules.purpose("a".repeat(65), "n", "d", "CONSENT", List.of())));
        assertEquals(List.of("code"), fields(PurposeRules.purpose("-ab", "n", "d", "CONSENT", List.of())));
        assertEquals(List.of("name"), fields(PurposeRules.purpose("ab", "x".repeat(201), "d", "CONSENT", List.of())));
        assertEquals(List.of("name"), fields(PurposeRules.purpose("ab", "a\u0000b", "d", "CONSENT", List.of())));
    }

    @Test
    void onlyAConsentPurposeGatesProcessing() {
        assertEquals(
                List.of("requiredFor"),
                fields(PurposeRules.purpose("ab", "n", "d", "CONTRACT", List.of("MODEL_ATTESTATION"))));
    }

    @Test
    void policyTextsAndUrls() {
        assertTrue(PurposeRules.policy("text\nwith lines", "https://example.com/privacy")
                .isEmpty());
        assertEquals(List.of("policyText"), fields(PurposeRules.policy("", null)));
        assertEquals(List.of("policyText"), fields(PurposeRules.policy("x".repeat(20_001), null)));
        assertEquals(List.of("policyUrl"), fields(PurposeRules.policy("t", "ftp://example.com/")));
        assertEquals(List.of("policyUrl"), fields(PurposeRules.policy("t", "/relative")));
        assertEquals(List.of("policyUrl"), fields(PurposeRules.policy("t", "https://" + "x".repeat(500))));
    }

    @Test
    void subjects() {
        assertTrue(PurposeRules.subject("subject", "customer-42@example").isEmpty());
        assertEquals(1, PurposeRules.subject("subject", null).size());
        assertEquals(1, PurposeRules.subject("subject", " padded").size());
        assertEquals(1, PurposeRules.subject("subject", "tab\there").size());
        assertEquals(1, PurposeRules.subject("subject", "s".repeat(201)).size());
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }
}
