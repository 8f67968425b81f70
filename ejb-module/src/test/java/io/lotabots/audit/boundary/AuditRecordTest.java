package io.lotabots.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.audit.entity.Outcome;
import jakarta.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    @Test
    void buildsARecordWithTargetAndDetails() {
        var user = UUID.randomUUID();

        var record = AuditRecord.denied("auth.refresh.reused")
                .target("user", user)
                .detail("reason", "refresh-token-reuse")
                .detail("attempts", 2)
                .detail("revoked", true)
                .build();

        assertEquals(Outcome.DENIED, record.outcome());
        assertEquals(user.toString(), record.targetId());
        assertEquals("refresh-token-reuse", record.details().getString("reason"));
        assertEquals(2, record.details().getInt("attempts"));
        assertNull(record.actor(), "left to the request's caller");
        assertNull(record.tenantId());
    }

    @Test
    void aDetailWithoutValueIsLeftOut() {
        var record = AuditRecord.success("keys.rotated")
                .detail("previousKey", (String) null)
                .build();

        assertFalse(record.details().containsKey("previousKey"));
    }

    @Test
    void actionsAreStableDottedLowerCaseNames() {
        for (String bad :
                new String[] {"login", "Auth.Login", "auth..login", "auth.login.", "auth login.failed", "auth_x.y"}) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> AuditRecord.success(bad).build(),
                    bad);
        }
        assertEquals(
                "api-key.revoked",
                AuditRecord.success("api-key.revoked").build().action());
    }

    @Test
    void refusesDetailsTheChainCannotHashAlready() {
        var fraction = Json.createValue(0.5);

        assertThrows(
                IllegalArgumentException.class,
                () -> AuditRecord.success("a.b").detail("ratio", fraction).build());
    }
}
