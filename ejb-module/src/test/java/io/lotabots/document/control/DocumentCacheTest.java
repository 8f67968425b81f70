package io.lotabots.document.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.platform.DependencyUnavailableException;
import io.lotabots.platform.cache.CacheStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The cache's own rules, over a stand-in for Redis that can be made to fail (the fault-tolerance annotations,
 * which turn those failures into PostgreSQL reads, act only in the container).
 */
class DocumentCacheTest {

    private final Redis redis = new Redis();
    private final DocumentCache cache = new DocumentCache();
    private final UUID tenant = UUID.randomUUID();
    private final UUID id = UUID.randomUUID();

    DocumentCacheTest() {
        cache.cache = redis;
        cache.ttl = Duration.ofMinutes(5);
    }

    @Test
    void anEvictionRedisMissedIsDoneBeforeTheNextRead() {
        assertEquals("v1", cache.document(tenant, id, () -> Optional.of("v1")).orElseThrow());
        redis.down = true;
        assertThrows(DependencyUnavailableException.class, () -> cache.changed(tenant, id));
        redis.down = false;

        assertEquals("v2", cache.document(tenant, id, () -> Optional.of("v2")).orElseThrow(), "not the stale v1");
        assertEquals("v2", cache.document(tenant, id, () -> Optional.of("v3")).orElseThrow(), "cached again");
    }

    @Test
    void aMissedEvictionStaysUntilRedisTakesIt() {
        cache.document(tenant, id, () -> Optional.of("v1"));
        redis.down = true;
        assertThrows(DependencyUnavailableException.class, () -> cache.changed(tenant, id));
        assertThrows(DependencyUnavailableException.class, () -> cache.document(tenant, id, () -> Optional.of("v2")));
        redis.down = false;

        assertEquals("v2", cache.document(tenant, id, () -> Optional.of("v2")).orElseThrow());
    }

    @Test
    void aParsedListPageIsUsedAgainUntilTheTenantChanges() {
        AtomicInteger parsed = new AtomicInteger();
        Object first = cache.page(tenant, "q", () -> Optional.of("[1]"), json -> json + parsed.incrementAndGet())
                .orElseThrow();
        Object again = cache.page(tenant, "q", () -> Optional.of("[1]"), json -> json + parsed.incrementAndGet())
                .orElseThrow();
        assertSame(first, again);
        assertEquals(1, parsed.get());

        cache.changed(tenant, id);

        assertEquals(
                "[2]2",
                cache.page(tenant, "q", () -> Optional.of("[2]"), json -> json + parsed.incrementAndGet())
                        .orElseThrow());
        assertEquals(
                "[9]3",
                cache.page(UUID.randomUUID(), "q", () -> Optional.of("[9]"), json -> json + parsed.incrementAndGet())
                        .orElseThrow(),
                "another tenant's page is its own");
    }

    /** Redis as {@link CacheStore} sees it, in memory; {@code down} makes every call fail as Redis away does. */
    private static final class Redis extends CacheStore {
        final Map<String, String> values = new HashMap<>();
        boolean down;

        @Override
        public Optional<String> getOrLoad(
                String cacheName, Duration ttl, String key, Supplier<Optional<String>> loader) {
            check();
            String cached = values.get(cacheName + "/" + key);
            if (cached != null) {
                return Optional.of(cached);
            }
            var loaded = loader.get();
            loaded.ifPresent(v -> values.put(cacheName + "/" + key, v));
            return loaded;
        }

        @Override
        public void evict(String cacheName, Duration ttl, String key) {
            check();
            values.remove(cacheName + "/" + key);
        }

        private void check() {
            if (down) {
                throw new DependencyUnavailableException("redis", new IllegalStateException("away"));
            }
        }
    }
}
