package io.lotabots.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.retention.entity.HeldObjectType;
import io.lotabots.retention.entity.HoldScope;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldRulesTest {

    private static final String ID = "0193c1de-7f7a-7c43-9a55-2f1d2b7c1e01";

    @Test
    void aTenantHoldNeedsOnlyAReason() {
        var hold = HoldRules.check("tenant", null, null, null, " Case 17 ");

        assertEquals(HoldScope.TENANT, hold.scope());
        assertNull(hold.subject());
        assertEquals("Case 17", hold.reason());
    }

    @Test
    void anObjectHoldNamesItsTypeAndId() {
        var hold = HoldRules.check("object", null, "Document", ID, "r");

        assertEquals(HeldObjectType.DOCUMENT, hold.objectType());
        assertEquals(UUID.fromString(ID), hold.objectId());
    }

    @Test
    void anUnknownScopeIsNamed() {
        assertEquals(List.of("scope"), fields(() -> HoldRules.check("planet", null, null, null, "r")));
    }

    @Test
    void aSubjectHoldWithoutSubjectNamesSubject() {
        assertEquals(List.of("subject"), fields(() -> HoldRules.check("subject", " ", null, null, "r")));
    }

    @Test
    void anObjectHoldWithABadTypeAndIdNamesBoth() {
        assertEquals(
                List.of("objectType", "objectId"), fields(() -> HoldRules.check("object", null, "car", "1-2-3", "r")));
    }

    @Test
    void fieldsOfAnotherScopeAreRefused() {
        assertEquals(
                List.of("subject", "objectType", "objectId"),
                fields(() -> HoldRules.check("tenant", "someone", "document", ID, "r")));
    }

    @Test
    void aReasonIsRequiredAndBounded() {
        assertEquals(List.of("reason"), fields(() -> HoldRules.check("tenant", null, null, null, null)));
        assertEquals(List.of("reason"), fields(() -> HoldRules.check("tenant", null, null, null, "x".repeat(1001))));
    }

    private static List<String> fields(Runnable check) {
        return assertThrows(Refusal.class, check::run).problems().stream()
                .map(FieldProblem::field)
                .toList();
    }
}
