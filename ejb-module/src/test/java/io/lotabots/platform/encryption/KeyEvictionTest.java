package io.lotabots.platform.encryption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyEvictionTest {

    @Test
    void aTenantAndAKekVersionSurviveTheirMessage() {
        UUID tenant = UUID.randomUUID();
        var whole = KeyEviction.parse(KeyEviction.tenant(tenant).message()).orElseThrow();
        assertEquals(tenant, whole.tenantId());
        assertTrue(whole.wholeTenant());
        var one = KeyEviction.parse(KeyEviction.kek(new KekId(tenant, 4)).message())
                .orElseThrow();
        assertEquals(new KeyEviction(tenant, 4), one);
        assertEquals(tenant + " 4", one.message(), "the message names the tenant and version, nothing else");
    }

    @Test
    void messagesInNoKnownFormAreIgnored() {
        String tenant = UUID.randomUUID().toString();
        for (String message : new String[] {
            null, "", tenant, tenant + " ", tenant + " -1", tenant + " x", "nobody 0", tenant + " 1 extra", "ping"
        }) {
            assertEquals(Optional.empty(), KeyEviction.parse(message), String.valueOf(message));
        }
    }
}
