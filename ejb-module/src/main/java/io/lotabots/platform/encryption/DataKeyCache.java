package io.lotabots.platform.encryption;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;

/**
 * Unwrapped data keys, least recently used evicted first; bounded in size so memory stays flat under any
 * load, and in age so a server that missed an eviction message still forgets a shredded tenant's keys.
 */
final class DataKeyCache {

    record Entry(UUID tenantId, String objectKey, SecretKey key) {}

    private record Held(Entry entry, long expiresAt) {}

    private final Map<UUID, Held> entries;
    private final long lifetimeNanos;
    private final LongSupplier nanoTime;

    DataKeyCache(int capacity, Duration lifetime) {
        this(capacity, lifetime, System::nanoTime);
    }

    DataKeyCache(int capacity, Duration lifetime, LongSupplier nanoTime) {
        this.lifetimeNanos = lifetime.toNanos();
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Held> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Entry get(UUID id) {
        Held held = entries.get(id);
        if (held == null) {
            return null;
        }
        if (nanoTime.getAsLong() - held.expiresAt() >= 0) {
            entries.remove(id);
            return null;
        }
        return held.entry();
    }

    synchronized void put(UUID id, Entry entry) {
        entries.put(id, new Held(entry, nanoTime.getAsLong() + lifetimeNanos));
    }

    synchronized void remove(UUID id) {
        entries.remove(id);
    }

    synchronized void removeTenant(UUID tenantId) {
        for (Iterator<Held> i = entries.values().iterator(); i.hasNext(); ) {
            if (i.next().entry().tenantId().equals(tenantId)) {
                i.remove();
            }
        }
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
