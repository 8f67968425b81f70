package io.lotabots.platform.encryption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DataKeyCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final DataKeyCache cache = new DataKeyCache(3, Duration.ofSeconds(10), now::get);
    private final UUID tenant = UUID.randomUUID();

    private DataKeyCache.Entry entry(UUID tenantId) {
        return new DataKeyCache.Entry(tenantId, tenantId + "/o", new SecretKeySpec(new byte[32], "AES"));
    }

    @Test
    void aKeyIsHeldUntilItsLifetimeEnds() {
        UUID id = UUID.randomUUID();
        cache.put(id, entry(tenant));
        now.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
        assertNotNull(cache.get(id));
        now.incrementAndGet();
        assertNull(cache.get(id), "expired");
        assertEquals(0, cache.size(), "an expired key is dropped, not only hidden");
    }

    @Test
    void theLeastRecentlyUsedKeyGoesBeyondCapacity() {
        UUID first = UUID.randomUUID();
        cache.put(first, entry(tenant));
        UUID second = UUID.randomUUID();
        cache.put(second, entry(tenant));
        cache.get(first);
        cache.put(UUID.randomUUID(), entry(tenant));
        cache.put(UUID.randomUUID(), entry(tenant));
        assertEquals(3, cache.size());
        assertNotNull(cache.get(first));
        assertNull(cache.get(second));
    }

    @Test
    void removingATenantKeepsOtherTenantsKeys() {
        UUID mine = UUID.randomUUID();
        UUID others = UUID.randomUUID();
        cache.put(mine, entry(tenant));
        cache.put(others, entry(UUID.randomUUID()));
        cache.removeTenant(tenant);
        assertNull(cache.get(mine));
        assertNotNull(cache.get(others));
        cache.clear();
        assertNull(cache.get(others));
    }
}
