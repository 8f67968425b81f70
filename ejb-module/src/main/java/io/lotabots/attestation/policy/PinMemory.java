package io.lotabots.attestation.policy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link PolicyPins}' memory: a pin per tenant and policy name, each good for the TTL from its read.
 * Bounded by clearing, as a tenant has few policies and a full memory costs only a read per name.
 */
final class PinMemory {

    static final int MAX_ENTRIES = 4096;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    /** Counts forgets: a read that a forget overtook is returned but not remembered. */
    private final AtomicLong forgets = new AtomicLong();

    PinMemory(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<PolicyVersion> current(UUID tenantId, String name, Supplier<Optional<PolicyVersion>> read) {
        var key = new Key(tenantId, name);
        long now = nanoTime.getAsLong();
        Entry known = entries.get(key);
        if (known != null && now - known.readAt() < ttlNanos) {
            return Optional.of(known.pin());
        }
        long forgetsBefore = forgets.get();
        Optional<PolicyVersion> found = read.get();
        if (found.isEmpty()) {
            entries.remove(key);
        } else if (ttlNanos > 0 && forgets.get() == forgetsBefore) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(found.get(), now));
        }
        return found;
    }

    void forget(UUID tenantId, String name) {
        forgets.incrementAndGet();
        entries.remove(new Key(tenantId, name));
    }

    int size() {
        return entries.size();
    }

    private record Key(UUID tenantId, String name) {}

    private record Entry(PolicyVersion pin, long readAt) {}
}
