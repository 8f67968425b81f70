package io.lotabots.platform.encryption;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Unwrapped data keys, least recently used evicted first; bounded so memory stays flat under any load. */
final class DataKeyCache {

    record Entry(UUID tenantId, String objectKey, SecretKey key) {}

    private final Map<UUID, Entry> entries;

    DataKeyCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Entry get(UUID id) {
        return entries.get(id);
    }

    synchronized void put(UUID id, Entry entry) {
        entries.put(id, entry);
    }

    synchronized void remove(UUID id) {
        entries.remove(id);
    }

    synchronized void removeTenant(UUID tenantId) {
        entries.values().removeIf(e -> e.tenantId().equals(tenantId));
    }

    synchronized int size() {
        return entries.size();
    }
}
